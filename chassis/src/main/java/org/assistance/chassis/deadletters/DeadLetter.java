package org.assistance.chassis.deadletters;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A record one of this service's consumers could not handle, as the dead-letter listing shows it. */
@Schema(name = "DeadLetter", description = "A record a consumer of this service parked on a dead-letter topic")
public record DeadLetter(
        @Schema(description = "Id of the dead letter (time-ordered)")
        UUID id,

        @Schema(description = "The consumer that could not handle it", maxLength = 100)
        String consumer,

        @Schema(description = "The topic it was read from", maxLength = 200)
        String topic,

        @Schema(description = "Its partition there", minimum = "0", maximum = "2147483647")
        int partition,

        @Schema(description = "Its offset there", minimum = "0", maximum = "9223372036854775807", format = "int64")
        long offset,

        @Schema(description = "The CloudEvent id (ce_id), if the record had one", maxLength = 200)
        String eventId,

        @Schema(description = "The CloudEvent type (ce_type), if the record had one", maxLength = 200)
        String eventType,

        @Schema(description = "Why it could not be handled", maxLength = 2000)
        String reason,

        @Schema(description = "The kind of failure (a Java exception class)", maxLength = 300)
        String exception,

        @Schema(description = "When it was parked") OffsetDateTime deadLetteredAt,

        @Schema(description = "PENDING until replayed or discarded")
        Status status,

        @Schema(description = "When it was replayed or discarded")
        OffsetDateTime resolvedAt,

        @Schema(description = "Who replayed or discarded it", maxLength = 200)
        String resolvedBy,

        @Schema(description = "The replay's outcome, or why it was discarded", maxLength = 2000)
        String resolution,

        @Schema(description = "Replays tried so far (failed ones included)", minimum = "0", maximum = "2147483647")
        int replayAttempts,

        @Schema(description = "Why the last failed replay failed", maxLength = 2000)
        String lastReplayFailure) {

    public enum Status {
        PENDING,
        REPLAYED,
        DISCARDED
    }
}
