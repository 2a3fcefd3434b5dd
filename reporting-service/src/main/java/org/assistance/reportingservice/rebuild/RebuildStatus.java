package org.assistance.reportingservice.rebuild;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a rebuild stands; the error of a failed one is cut to its first {@code MAX_ERROR} characters. */
@Schema(name = "RebuildStatus")
public record RebuildStatus(
        RebuildState state,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,

        @Schema(minimum = "0", maximum = "9223372036854775807")
        long eventsReplayed,

        @Schema(description = "Why the last rebuild failed", maxLength = MAX_ERROR)
        String error) {
    public static final int MAX_ERROR = 500;

    public RebuildStatus {
        if (error != null && error.length() > MAX_ERROR) {
            error = error.substring(0, MAX_ERROR);
        }
    }
}
