package org.assistance.programservice.activities;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Activity")
public record ActivityView(
        UUID id,
        UUID requestId,
        @Schema(maxLength = 20) String programmeCode,
        ActivityKind kind,
        @Schema(maxLength = 200) String title,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        @Schema(minimum = "0", maximum = "10000") int expectedParticipants,
        Activity.Status status,
        LocalDate actualStart,
        LocalDate actualEnd,
        @Schema(minimum = "0", maximum = "100000") Integer participantsWomen,
        @Schema(minimum = "0", maximum = "100000") Integer participantsMen,
        @Schema(minimum = "0", maximum = "100000") Integer participantsOther,
        @Schema(minimum = "0", maximum = "100000") Integer participantsNotDisclosed,
        @Schema(minimum = "0", maximum = "200000") Integer participantsTotal,
        @Schema(maxItems = 50) List<@Size(max = 200) String> authoritiesReached,
        @Schema(maxLength = 5_000) String outcome,

        @Schema(minimum = "0", maximum = "999999999999999.99")
        BigDecimal disbursed,

        OffsetDateTime deliveredAt,
        @Schema(maxLength = 2_000) String cancellationReason,

        @Schema(
                maxLength = 100,
                description =
                        "Who cancelled it, as their token names them " + "(the chassis accepts 100 characters at most)")
        String cancelledBy,

        OffsetDateTime cancelledAt) {
    static ActivityView of(Activity a) {
        return new ActivityView(
                a.id,
                a.requestId,
                a.programmeCode,
                a.kind,
                a.title,
                a.plannedStart,
                a.plannedEnd,
                a.expectedParticipants,
                a.status,
                a.actualStart,
                a.actualEnd,
                a.participantsWomen,
                a.participantsMen,
                a.participantsOther,
                a.participantsNotDisclosed,
                a.participantsTotal,
                a.authoritiesReached,
                a.outcome,
                a.disbursed,
                a.deliveredAt,
                a.cancellationReason,
                a.cancelledBy,
                a.cancelledAt);
    }
}
