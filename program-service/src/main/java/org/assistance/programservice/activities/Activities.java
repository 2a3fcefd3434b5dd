package org.assistance.programservice.activities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.events.ReviewEvents.ActivityCancelled;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.Values.DonorAmount;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ParticipantSummary;
import org.assistance.chassis.events.Values.Participants;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.problems.InvalidInput.Field;
import org.assistance.chassis.texts.Text;
import org.assistance.programservice.programmes.Dates;
import org.assistance.programservice.programmes.Programmes;
import org.assistance.programservice.programmes.RowLocks;

/** Plans an approval's non-equipment assistance as activities, and records their delivery or cancellation. */
@ApplicationScoped
public class Activities {
    /** Without planned dates, an activity is planned to start this long after the approval. */
    private static final int DEFAULT_LEAD_DAYS = 45;
    /** How far ahead an activity may be planned. */
    public static final int PLANNING_YEARS = 10;
    /** Staff's delivery and cancellation of an activity are audited; its planning is the approval's. */
    static final String AUDIT_KIND = "activity";

    private final Outbox outbox;
    private final Programmes programmes;
    private final RowLocks rowLocks;
    private final Roster roster;
    private final AuditTrail audit;

    public Activities(Outbox outbox, Programmes programmes, RowLocks rowLocks, Roster roster, AuditTrail audit) {
        this.outbox = outbox;
        this.programmes = programmes;
        this.rowLocks = rowLocks;
        this.roster = roster;
        this.audit = audit;
    }

    /** 404: no such activity. */
    public static DomainRuleViolation notFound(UUID activityId) {
        return DomainRuleViolation.notFound(Text.of("activity.not-found", "activity", activityId.toString()));
    }

    /** Where an activity approved without a planned start starts. */
    public static LocalDate defaultStart(LocalDate approvedOn) {
        return approvedOn.plusDays(DEFAULT_LEAD_DAYS);
    }

    /** Adds a field error when a (non-null) planned date is before {@link Dates#EARLIEST} or too far ahead. */
    public static void plannable(String field, LocalDate date, List<Field> errors) {
        Dates.notTooOld(field, date, errors);
        LocalDate latest = LocalDate.now().plusYears(PLANNING_YEARS);
        if (date != null && date.isAfter(latest)) {
            errors.add(new Field(
                    field, Text.of("activity.too-far-ahead", "date", latest.toString(), "years", PLANNING_YEARS)));
        }
    }

    /** An activity as approved; dates may be left out. */
    public record Plan(ActivityKind kind, String title, int participants, LocalDate start, LocalDate end) {}

    /**
     * The approved activities (trainings among them), planned; without dates, an activity starts
     * {@value #DEFAULT_LEAD_DAYS} days after the approval. {@code assistanceTypesUnnamed}: for an
     * approval that did not name its activities, one is planned per non-equipment, non-training
     * kind of assistance asked (null when the approval named them). The request's agency and
     * country go with each activity: its roster's people are the agency's, its summary the State's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PlannedActivity> plan(
            UUID requestId,
            String agencyId,
            String country,
            String programmeCode,
            List<Plan> approved,
            Set<String> assistanceTypesUnnamed,
            LocalDate approvedOn) {
        LocalDate start = defaultStart(approvedOn);
        List<Activity> planned = new ArrayList<>();
        for (Plan p : approved) {
            LocalDate from = p.start() != null ? p.start() : start;
            LocalDate to = p.end() != null ? p.end() : from.plusDays(defaultDays(p.kind()));
            planned.add(Activity.plan(requestId, programmeCode, p.kind(), p.title(), from, to, p.participants()));
        }
        for (String type : assistanceTypesUnnamed == null ? Set.<String>of() : assistanceTypesUnnamed) {
            switch (type) {
                case "LEGISLATIVE_ADVISORY" ->
                    planned.add(Activity.plan(
                            requestId,
                            programmeCode,
                            ActivityKind.ADVISORY_MISSION,
                            "Legislative advisory mission",
                            start,
                            start.plusDays(4),
                            0));
                case "MENTORING_ADVISORY" ->
                    planned.add(Activity.plan(
                            requestId,
                            programmeCode,
                            ActivityKind.ADVISORY_MISSION,
                            "Mentoring and advisory mission",
                            start,
                            start.plusDays(9),
                            0));
                case "NEEDS_ASSESSMENT" ->
                    planned.add(Activity.plan(
                            requestId,
                            programmeCode,
                            ActivityKind.NEEDS_ASSESSMENT,
                            "Needs assessment",
                            start,
                            start.plusDays(4),
                            0));
                case "KNOWLEDGE_SHARING" ->
                    planned.add(Activity.plan(
                            requestId,
                            programmeCode,
                            ActivityKind.KNOWLEDGE_SHARING_EVENT,
                            "Knowledge-sharing event",
                            start,
                            start.plusDays(1),
                            0));
                default -> {
                    // TRAINING is planned from the approved trainings; EQUIPMENT is shipped by equipment-service
                }
            }
        }
        for (Activity activity : planned) {
            activity.agencyId = agencyId;
            activity.country = country;
            activity.persist();
        }
        return planned.stream().map(Activity::planned).toList();
    }

    /** How long an activity of a kind usually lasts, for one approved without an end date. */
    private static int defaultDays(ActivityKind kind) {
        return switch (kind) {
            case TRAINING_COURSE, ADVISORY_MISSION, NEEDS_ASSESSMENT -> 4;
            case MENTORING_MISSION -> 9;
            case LEGISLATIVE_REVIEW, KNOWLEDGE_PRODUCT -> 29;
            case KNOWLEDGE_SHARING_EVENT -> 1;
        };
    }

    /** What took place; {@code participants} null when they are to be counted from the activity's roster. */
    public record Delivery(
            LocalDate actualStart,
            LocalDate actualEnd,
            Participants participants,
            List<String> authoritiesReached,
            String outcome,
            Money cost) {}

    /**
     * Records a delivered activity: the counts must add up (and agree with the roster when it has
     * one; without counts, the roster's are taken), the dates be real, and the cost is disbursed
     * against the request's commitment under the programme.
     */
    @Transactional
    public Activity deliver(UUID activityId, Delivery delivery) {
        rowLocks.bounded();
        Activity activity = Activity.findById(activityId, LockModeType.PESSIMISTIC_WRITE);
        if (activity == null) {
            throw notFound(activityId);
        }
        List<Field> errors = new ArrayList<>();
        if (delivery.actualEnd().isBefore(delivery.actualStart())) {
            errors.add(new Field("actualEnd", Dates.notBefore("actualStart")));
        }
        Dates.notTooOld("actualStart", delivery.actualStart(), errors);
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        Participants given = delivery.participants();
        if (given != null) {
            requireAddingUp(given);
        }
        activity.requireDeliverable();
        ActivityView before = ActivityView.of(activity);
        Participants participants = counted(activity, given);
        List<DonorAmount> disbursedSplit =
                programmes.disburse(activity.requestId, activity.programmeCode, delivery.cost());
        OffsetDateTime now = OffsetDateTime.now();
        activity.deliver(
                delivery.actualStart(),
                delivery.actualEnd(),
                participants,
                delivery.authoritiesReached(),
                delivery.outcome(),
                delivery.cost().amount(),
                now);
        outbox.record(new ActivityDelivered(
                activity.requestId,
                activity.id,
                activity.programmeCode,
                activity.kind.name(),
                activity.title,
                delivery.actualStart(),
                delivery.actualEnd(),
                participants,
                delivery.authoritiesReached(),
                delivery.outcome(),
                delivery.cost(),
                disbursedSplit,
                now));
        audit.record(AUDIT_KIND, activity.id, "delivered", before, ActivityView.of(activity));
        return activity;
    }

    /** Women, men, other and not disclosed add up to the total. */
    private static void requireAddingUp(Participants p) {
        int sum = p.women() + p.men() + p.other() + p.notDisclosed();
        if (sum != p.total()) {
            throw new DomainRuleViolation(
                    422,
                    "participants-do-not-add-up",
                    Text.of("activity.participants-do-not-add-up", "total", p.total(), "sum", sum));
        }
    }

    /**
     * Who took part: with a roster, its counts (those given must be the same); without one, the
     * counts given, which are then required.
     */
    private Participants counted(Activity activity, Participants given) {
        ParticipantSummary summary = roster.summaryIfAny(activity);
        if (summary == null) {
            if (given == null) {
                throw InvalidInput.field("participants", Text.of("activity.participants-required"));
            }
            return given;
        }
        Participants onRoster = summary.counts();
        if (given != null && !given.equals(onRoster)) {
            throw new DomainRuleViolation(
                    422,
                    "participants-disagree-with-roster",
                    Text.of(
                            "activity.participants-disagree-with-roster",
                            "women",
                            onRoster.women(),
                            "men",
                            onRoster.men(),
                            "other",
                            onRoster.other(),
                            "notDisclosed",
                            onRoster.notDisclosed(),
                            "total",
                            onRoster.total()));
        }
        return onRoster;
    }

    /** A planned activity will not take place: cancelled with the reason, and published. */
    @Transactional
    public Activity cancel(UUID activityId, String reason, String cancelledBy) {
        rowLocks.bounded();
        Activity activity = Activity.findById(activityId, LockModeType.PESSIMISTIC_WRITE);
        if (activity == null) {
            throw notFound(activityId);
        }
        ActivityView before = ActivityView.of(activity);
        OffsetDateTime now = OffsetDateTime.now();
        activity.cancel(reason, cancelledBy, now);
        outbox.record(new ActivityCancelled(
                activity.requestId,
                activity.id,
                activity.programmeCode,
                activity.kind.name(),
                activity.title,
                reason,
                cancelledBy,
                now));
        audit.record(AUDIT_KIND, activity.id, "cancelled", before, ActivityView.of(activity));
        return activity;
    }
}
