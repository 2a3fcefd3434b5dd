package org.assistance.chassis.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.Values.DonorAmount;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ParticipantSummary;
import org.assistance.chassis.events.Values.Participants;
import org.assistance.chassis.events.Values.PlannedActivity;

/** Published by program-service on {@value Topics#REVIEWS}. */
public final class ReviewEvents {
    private ReviewEvents() {}

    /**
     * {@code assistance.review.approved.v1}: the decision took effect (after four-eyes where
     * needed). {@code partial} when fewer lines or less money than asked were approved.
     */
    public record RequestApproved(
            UUID requestId,
            String agencyId,
            String country,
            String thematicArea,
            String programmeCode,
            Money approvedAmount,
            boolean partial,
            List<EquipmentLine> equipmentLines,
            List<PlannedActivity> activities,
            List<DonorShare> donors,
            List<String> approvedBy,
            OffsetDateTime approvedAt)
            implements AssistanceEvent {}

    /** {@code assistance.review.rejected.v1}. */
    public record RequestRejected(
            UUID requestId,
            String agencyId,
            String reasonCode,
            String comment,
            String rejectedBy,
            OffsetDateTime rejectedAt)
            implements AssistanceEvent {}

    /** {@code assistance.review.information-requested.v1}: the reviewer needs answers before deciding. */
    public record InformationRequested(
            UUID requestId, String agencyId, List<String> questions, String requestedBy, OffsetDateTime requestedAt)
            implements AssistanceEvent {}

    /**
     * {@code assistance.funds.committed.v1}: money of a programme set aside for this request.
     * {@code split} is each donor's part (adding up to {@code amount}); every expenditure on the
     * request is apportioned in the same proportions ({@link DonorSplit}). {@code donors} names
     * the same donors without amounts (kept for readers of the first version).
     */
    public record FundsCommitted(
            UUID requestId,
            String programmeCode,
            Money amount,
            List<DonorShare> donors,
            List<DonorAmount> split,
            OffsetDateTime committedAt)
            implements AssistanceEvent {}

    /**
     * {@code assistance.funds.pledged.v1}: a donor promised money to a programme. About the
     * programme, not a request: keyed {@code programme:<code>}.
     */
    public record FundsPledged(
            String programmeCode, DonorShare donor, Money amount, LocalDate pledgedOn, OffsetDateTime recordedAt)
            implements AssistanceEvent {
        @Override
        public UUID requestId() {
            return null;
        }

        @Override
        public String aggregateId() {
            return "programme:" + programmeCode;
        }
    }

    /**
     * {@code assistance.activity.delivered.v1}: a training, advisory or other activity took place.
     * {@code disbursedSplit} is its cost apportioned by the commitment's split.
     */
    public record ActivityDelivered(
            UUID requestId,
            UUID activityId,
            String programmeCode,
            String kind,
            String title,
            LocalDate startDate,
            LocalDate endDate,
            Participants participants,
            List<String> authoritiesReached,
            String outcome,
            Money disbursed,
            List<DonorAmount> disbursedSplit,
            OffsetDateTime deliveredAt)
            implements AssistanceEvent {}

    /** {@code assistance.activity.cancelled.v1}: a planned activity will not take place, and why. */
    public record ActivityCancelled(
            UUID requestId,
            UUID activityId,
            String programmeCode,
            String kind,
            String title,
            String reason,
            String cancelledBy,
            OffsetDateTime cancelledAt)
            implements AssistanceEvent {}

    /**
     * {@code assistance.activity.participants-recorded.v1}: an activity's roster changed (a
     * participant added, a score, attendance or certificate recorded); {@code summary} is what the
     * whole roster adds up to now, replacing any summary before. Aggregates only: the roster itself
     * never leaves program-service. {@code country} is the request's.
     */
    public record ParticipantsRecorded(
            UUID requestId,
            UUID activityId,
            String programmeCode,
            String country,
            String kind,
            ParticipantSummary summary,
            OffsetDateTime recordedAt)
            implements AssistanceEvent {}
}
