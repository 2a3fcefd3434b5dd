package org.assistance.programservice.activities;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.assistance.chassis.events.ResultEvents.Sex;

/**
 * One person on an activity's roster, named by the agency's pseudonym for them (never by name):
 * (agency, participantId) is the same person across all the agency's activities. What is recorded
 * about them stays in program-service; only the roster's totals are published.
 */
@Entity
@Table(name = "activity_participants")
public class RosterEntry extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "activity_id")
    public UUID activityId;

    /** The agency of the activity's request: whose pseudonym {@link #participantId} is. */
    @Column(name = "agency_id")
    public String agencyId;

    @Column(name = "participant_id")
    public String participantId;

    @Enumerated(EnumType.STRING)
    public Sex sex;

    @Column(name = "role_or_rank")
    public String roleOrRank;

    public String organisation;

    @Column(name = "pre_test_score")
    public BigDecimal preTestScore;

    @Column(name = "post_test_score")
    public BigDecimal postTestScore;

    @Column(name = "attendance_percent")
    public Integer attendancePercent;

    @Column(name = "certificate_issued")
    public boolean certificateIssued;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** What is recorded about a participant, as first entered or as replaced later. */
    public record Details(
            Sex sex,
            String roleOrRank,
            String organisation,
            BigDecimal preTestScore,
            BigDecimal postTestScore,
            Integer attendancePercent,
            boolean certificateIssued) {}

    static RosterEntry of(Activity activity, String agencyId, String participantId, String by, OffsetDateTime at) {
        RosterEntry entry = new RosterEntry();
        entry.id = UUID.randomUUID();
        entry.activityId = activity.id;
        entry.agencyId = agencyId;
        entry.participantId = participantId;
        entry.recordedBy = by;
        entry.recordedAt = at;
        return entry;
    }

    void take(Details details, OffsetDateTime at) {
        sex = details.sex();
        roleOrRank = details.roleOrRank();
        organisation = details.organisation();
        preTestScore = details.preTestScore();
        postTestScore = details.postTestScore();
        attendancePercent = details.attendancePercent();
        certificateIssued = details.certificateIssued();
        updatedAt = at;
    }
}
