package org.assistance.programservice.activities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.Participants;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.problems.Problem.FieldError;
import org.assistance.programservice.programmes.Commitment;
import org.assistance.programservice.programmes.Programme;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Plans an approval's non-equipment assistance as activities, and records their delivery. */
@ApplicationScoped
public class Activities {
    /** Without planned dates, an activity is planned to start this long after the approval. */
    private static final int DEFAULT_LEAD_DAYS = 45;
    private final Outbox outbox;

    public Activities(Outbox outbox) {
        this.outbox = outbox;
    }

    public record TrainingPlan(String topic, int participants, LocalDate start, LocalDate end) {
    }

    /** Training courses as approved, plus one activity per other non-equipment kind of assistance asked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PlannedActivity> plan(UUID requestId, String programmeCode, List<TrainingPlan> trainings,
                                      Set<String> assistanceTypes, LocalDate approvedOn) {
        LocalDate start = approvedOn.plusDays(DEFAULT_LEAD_DAYS);
        List<Activity> planned = new ArrayList<>();
        for (TrainingPlan t : trainings) {
            LocalDate from = t.start() != null ? t.start() : start;
            LocalDate to = t.end() != null ? t.end() : from.plusDays(4);
            planned.add(Activity.plan(requestId, programmeCode, ActivityKind.TRAINING_COURSE, t.topic(), from, to,
                    t.participants()));
        }
        for (String type : assistanceTypes) {
            switch (type) {
                case "LEGISLATIVE_ADVISORY" -> planned.add(Activity.plan(requestId, programmeCode,
                        ActivityKind.ADVISORY_MISSION, "Legislative advisory mission", start, start.plusDays(4), 0));
                case "MENTORING_ADVISORY" -> planned.add(Activity.plan(requestId, programmeCode,
                        ActivityKind.ADVISORY_MISSION, "Mentoring and advisory mission", start, start.plusDays(9), 0));
                case "NEEDS_ASSESSMENT" -> planned.add(Activity.plan(requestId, programmeCode,
                        ActivityKind.NEEDS_ASSESSMENT, "Needs assessment", start, start.plusDays(4), 0));
                case "KNOWLEDGE_SHARING" -> planned.add(Activity.plan(requestId, programmeCode,
                        ActivityKind.KNOWLEDGE_SHARING_EVENT, "Knowledge-sharing event", start, start.plusDays(1), 0));
                default -> {
                    // TRAINING is planned from the approved trainings; EQUIPMENT is shipped by equipment-service
                }
            }
        }
        planned.forEach(a -> a.persist());
        return planned.stream().map(Activity::planned).toList();
    }

    public record Delivery(LocalDate actualStart, LocalDate actualEnd, int women, int men, int total,
                           List<String> authoritiesReached, String outcome, Money cost) {
    }

    /**
     * Records a delivered activity: the counts must add up, the dates be real, and the cost is
     * disbursed against the request's commitment under the programme.
     */
    @Transactional
    public Activity deliver(UUID activityId, Delivery delivery) {
        Activity activity = Activity.findById(activityId, LockModeType.PESSIMISTIC_WRITE);
        if (activity == null) {
            throw DomainRuleViolation.notFound("Activity " + activityId);
        }
        List<FieldError> errors = new ArrayList<>();
        if (delivery.women() + delivery.men() != delivery.total()) {
            errors.add(new FieldError("participants.total", "must equal women + men ("
                    + (delivery.women() + delivery.men()) + ")"));
        }
        if (delivery.actualEnd().isBefore(delivery.actualStart())) {
            errors.add(new FieldError("actualEnd", "must not be before actualStart"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Programme programme = Programme.lockedForFunds(activity.programmeCode);
        programme.requireOwnCurrency(delivery.cost());
        Commitment commitment = Commitment.lockedFor(activity.requestId);
        commitment.disburse(delivery.cost().amount());
        programme.disburse(delivery.cost());
        OffsetDateTime now = OffsetDateTime.now();
        activity.deliver(delivery.actualStart(), delivery.actualEnd(), delivery.women(), delivery.men(),
                delivery.total(), delivery.authoritiesReached(), delivery.outcome(), delivery.cost().amount(), now);
        outbox.record(new ActivityDelivered(activity.requestId, activity.id, activity.programmeCode,
                activity.kind.name(), activity.title, delivery.actualStart(), delivery.actualEnd(),
                new Participants(delivery.women(), delivery.men(), delivery.total()), delivery.authoritiesReached(),
                delivery.outcome(), delivery.cost(), List.of(), now));
        return activity;
    }
}
