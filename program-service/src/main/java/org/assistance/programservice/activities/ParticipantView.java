package org.assistance.programservice.activities;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.assistance.chassis.events.ResultEvents.Sex;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participant on an activity's roster, and whether the agency's earlier activities had them too. */
@Schema(name = "Participant")
public record ParticipantView(
        @Schema(maxLength = 64, pattern = ParticipantRegistration.PARTICIPANT_ID)
        String participantId,

        Sex sex,
        @Schema(maxLength = 200) String roleOrRank,
        @Schema(maxLength = 200) String organisation,
        @Schema(minimum = "0", maximum = "100") BigDecimal preTestScore,
        @Schema(minimum = "0", maximum = "100") BigDecimal postTestScore,
        @Schema(minimum = "0", maximum = "100") Integer attendancePercent,
        boolean certificateIssued,

        @Schema(description = "Took part in an earlier activity of the same agency (one that started before this one)")
        boolean returning,

        @Schema(minimum = "0", maximum = "100000", description = "How many earlier activities of the agency")
        int earlierActivities,

        @Schema(maxLength = 100) String recordedBy,
        OffsetDateTime recordedAt,
        OffsetDateTime updatedAt) {

    static ParticipantView of(Roster.Participant p) {
        RosterEntry e = p.entry();
        return new ParticipantView(
                e.participantId,
                e.sex,
                e.roleOrRank,
                e.organisation,
                e.preTestScore,
                e.postTestScore,
                e.attendancePercent,
                e.certificateIssued,
                p.returning(),
                p.earlierActivities(),
                e.recordedBy,
                e.recordedAt,
                e.updatedAt);
    }
}
