package org.assistance.reportingservice.timelines;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event of a request's timeline, as its reader may read it. */
@Schema(name = "TimelineEntry", description = "One event of the request, as the reader may read it")
public record TimelineEvent(
        UUID eventId,

        @Schema(description = "The CloudEvents type", maxLength = 200, example = "assistance.shipment.held.v1")
        String type,

        OffsetDateTime time,

        @Schema(description = "The service that told it", maxLength = 200, example = "/equipment-service")
        String source,

        @Schema(
                description = "One line for a person; a partner agency reads it without the "
                        + "platform's internal money or screening detail",
                maxLength = TimelineSummary.MAX_LENGTH)
        String summary) {}
