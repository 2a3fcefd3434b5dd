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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.Values.Participants;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.texts.Text;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A training course, advisory or mentoring mission, legislative review, needs assessment, knowledge
 * product or knowledge-sharing event for an approved request: planned, then delivered or cancelled.
 */
@Entity
@Table(name = "activities")
public class Activity extends PanacheEntityBase {
    public enum Status {
        PLANNED,
        DELIVERED,
        CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "programme_code")
    public String programmeCode;

    /** The agency of the request (null only for an activity planned before agencies were kept on it). */
    @Column(name = "agency_id")
    public String agencyId;

    /** The request's State (ISO 3166-1 alpha-2). */
    public String country;

    @Enumerated(EnumType.STRING)
    public ActivityKind kind;

    public String title;

    @Column(name = "planned_start")
    public LocalDate plannedStart;

    @Column(name = "planned_end")
    public LocalDate plannedEnd;

    @Column(name = "expected_participants")
    public int expectedParticipants;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "actual_start")
    public LocalDate actualStart;

    @Column(name = "actual_end")
    public LocalDate actualEnd;

    @Column(name = "participants_women")
    public Integer participantsWomen;

    @Column(name = "participants_men")
    public Integer participantsMen;

    @Column(name = "participants_other")
    public Integer participantsOther;

    @Column(name = "participants_not_disclosed")
    public Integer participantsNotDisclosed;

    @Column(name = "participants_total")
    public Integer participantsTotal;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "authorities_reached")
    public List<String> authoritiesReached;

    public String outcome;
    public BigDecimal disbursed;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Version
    public long version;

    static Activity plan(
            UUID requestId,
            String programmeCode,
            ActivityKind kind,
            String title,
            LocalDate start,
            LocalDate end,
            int participants) {
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.requestId = requestId;
        activity.programmeCode = programmeCode;
        activity.kind = kind;
        activity.title = title;
        activity.plannedStart = start;
        activity.plannedEnd = end;
        activity.expectedParticipants = participants;
        activity.status = Status.PLANNED;
        return activity;
    }

    /** Only a planned activity can be delivered: not twice, and not once cancelled. */
    void requireDeliverable() {
        if (status == Status.DELIVERED) {
            throw DomainRuleViolation.conflict(Text.of("activity.already-delivered", "activity", id.toString()));
        }
        if (status == Status.CANCELLED) {
            throw DomainRuleViolation.conflict(
                    Text.of("activity.cancelled", "activity", id.toString(), "reason", cancellationReason));
        }
    }

    void deliver(
            LocalDate start,
            LocalDate end,
            Participants participants,
            List<String> authorities,
            String outcomeNote,
            BigDecimal cost,
            OffsetDateTime at) {
        requireDeliverable();
        status = Status.DELIVERED;
        actualStart = start;
        actualEnd = end;
        participantsWomen = participants.women();
        participantsMen = participants.men();
        participantsOther = participants.other();
        participantsNotDisclosed = participants.notDisclosed();
        participantsTotal = participants.total();
        authoritiesReached = authorities;
        outcome = outcomeNote;
        disbursed = cost;
        deliveredAt = at;
    }

    /** The day it started (or starts): its actual start once delivered, its planned start before. */
    LocalDate start() {
        return actualStart != null ? actualStart : plannedStart;
    }

    /** A roster is kept for a planned or delivered activity; a cancelled one had nobody take part. */
    void requireRosterOpen() {
        if (status == Status.CANCELLED) {
            throw new DomainRuleViolation(
                    409,
                    "activity-cancelled",
                    Text.of(
                            "activity.cancelled-nobody-took-part",
                            "activity",
                            id.toString(),
                            "reason",
                            cancellationReason));
        }
    }

    /** Only a planned activity can be cancelled. */
    void cancel(String reason, String by, OffsetDateTime at) {
        if (status != Status.PLANNED) {
            throw DomainRuleViolation.conflict(
                    Text.of("activity.not-cancellable", "activity", id.toString(), "status", status.name()));
        }
        status = Status.CANCELLED;
        cancellationReason = reason;
        cancelledBy = by;
        cancelledAt = at;
    }

    PlannedActivity planned() {
        return new PlannedActivity(id, kind.name(), title, plannedStart, plannedEnd, expectedParticipants);
    }
}
