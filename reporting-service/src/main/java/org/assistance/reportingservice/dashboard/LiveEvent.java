package org.assistance.reportingservice.dashboard;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.assistance.reportingservice.timelines.TimelineSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event as the live dashboard shows it in its feed; a heartbeat keeps idle connections open. */
public record LiveEvent(
        @Schema(description = "The CloudEvents type, or heartbeat", maxLength = 200)
        String type,

        UUID requestId,
        OffsetDateTime time,

        @Schema(description = "The service that told it", maxLength = 200)
        String source,

        @Schema(description = "One line for staff", maxLength = TimelineSummary.MAX_LENGTH)
        String summary) {
    static LiveEvent heartbeat() {
        return new LiveEvent("heartbeat", null, OffsetDateTime.now(), null, null);
    }
}
