package org.assistance.reportingservice.dashboard;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One request as the dashboards see it. Milestones are kept as times (the first or last one,
 * whichever the milestone means); the stage is derived from them where it is read, so a late
 * or repeated event never moves a request backwards.
 */
@Entity
@Table(name = "request_facts")
public class RequestFacts extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "agency_id")
    public String agencyId;

    public String country;

    @Column(name = "thematic_area")
    public String thematicArea;

    public String priority;
    public String title;

    @Column(name = "desired_by")
    public LocalDate desiredBy;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "information_requested_at")
    public OffsetDateTime informationRequestedAt;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    @Column(name = "rejected_at")
    public OffsetDateTime rejectedAt;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Column(name = "first_dispatch_at")
    public OffsetDateTime firstDispatchAt;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    public Boolean partial;

    @Column(name = "programme_code")
    public String programmeCode;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> donors = new ArrayList<>();

    @Column(name = "approved_amount")
    public BigDecimal approvedAmount;

    @Column(name = "approved_currency")
    public String approvedCurrency;

    @Column(name = "approved_units")
    public int approvedUnits;

    @Column(name = "accepted_units")
    public int acceptedUnits;

    @Column(name = "rejected_units")
    public int rejectedUnits;

    @Column(name = "participants_women")
    public int participantsWomen;

    @Column(name = "participants_men")
    public int participantsMen;

    @Column(name = "activities_delivered")
    public int activitiesDelivered;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "assistance_types")
    public List<String> assistanceTypes = new ArrayList<>();

    @Column(name = "delivery_started_at")
    public OffsetDateTime deliveryStartedAt;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    public Integer satisfaction;

    @Column(name = "closed_automatically")
    public Boolean closedAutomatically;

    @Column(name = "activities_cancelled")
    public int activitiesCancelled;

    /** The row of a request, created empty if no event of it was seen yet, and locked for this change. */
    static RequestFacts lockedOrNew(UUID requestId) {
        getEntityManager()
                .createNativeQuery("insert into request_facts (request_id) values (?1) on conflict do nothing")
                .setParameter(1, requestId)
                .executeUpdate();
        return findById(requestId, LockModeType.PESSIMISTIC_WRITE);
    }

    static OffsetDateTime earliest(OffsetDateTime current, OffsetDateTime candidate) {
        return current == null || (candidate != null && candidate.isBefore(current)) ? candidate : current;
    }

    static OffsetDateTime latest(OffsetDateTime current, OffsetDateTime candidate) {
        return current == null || (candidate != null && candidate.isAfter(current)) ? candidate : current;
    }
}
