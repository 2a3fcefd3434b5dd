package org.assistance.programservice.reviews;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.catalogue.CatalogueCopy;
import org.assistance.chassis.catalogue.ItemsUnavailable;
import org.assistance.chassis.events.ReviewEvents.FundsCommitted;
import org.assistance.chassis.events.ReviewEvents.InformationRequested;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ReviewEvents.RequestRejected;
import org.assistance.chassis.events.Values.DonorAmount;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.events.Values.TrainingNeed;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.problems.InvalidInput.Field;
import org.assistance.chassis.texts.Text;
import org.assistance.programservice.activities.Activities;
import org.assistance.programservice.activities.ActivityKind;
import org.assistance.programservice.programmes.Dates;
import org.assistance.programservice.programmes.Programme;
import org.assistance.programservice.programmes.Programmes;
import org.assistance.programservice.programmes.RowLocks;

/**
 * Reviewers' decisions on review cases. An approval names what can be delivered (catalogue items
 * in the local copy, trainings, activities), commits the programme's funds split between donors
 * (never more than available, under the programme's row lock) and plans the activities; above
 * the four-eyes threshold it waits for a second, different reviewer. A withdrawn request takes
 * no decision. A request the State declined to endorse is not approved, nor, where the State's
 * review policy waits for its endorsement, one it has not endorsed (also not by a second reviewer).
 */
@ApplicationScoped
public class Decisions {
    private final Outbox outbox;
    private final Programmes programmes;
    private final Activities activities;
    private final FourEyesPolicy fourEyes;
    private final CatalogueCopy catalogue;
    private final RowLocks rowLocks;
    private final AuditTrail audit;

    public Decisions(
            Outbox outbox,
            Programmes programmes,
            Activities activities,
            FourEyesPolicy fourEyes,
            CatalogueCopy catalogue,
            RowLocks rowLocks,
            AuditTrail audit) {
        this.rowLocks = rowLocks;
        this.audit = audit;
        this.outbox = outbox;
        this.programmes = programmes;
        this.activities = activities;
        this.fourEyes = fourEyes;
        this.catalogue = catalogue;
    }

    @Transactional
    public ReviewCase decide(UUID requestId, DecisionBody body, String reviewer) {
        rowLocks.bounded();
        ReviewCase review = ReviewCase.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (review == null) {
            throw DomainRuleViolation.notFound(Text.of("review-case.not-found", "request", requestId.toString()));
        }
        review.requireOpen();
        ReviewDecisionView before = ReviewDecisionView.of(review);
        OffsetDateTime now = OffsetDateTime.now();
        switch (body.decision()) {
            case APPROVE -> {
                // read after the case's lock: the State's word arriving meanwhile waits for this decision
                review.requireStateAllowsApproval(
                        ReviewPolicy.of(review.country), Endorsement.findById(review.requestId));
                approve(review, approvalOf(review, body, reviewer), reviewer, now);
            }
            case REJECT -> reject(review, body, reviewer, now);
            case REQUEST_INFORMATION -> requestInformation(review, body, reviewer, now);
        }
        // the decision's own events tell the story; the trail keeps who moved the case, beside staff's other changes
        audit.record(
                "review",
                review.requestId,
                ReviewDecisionView.action(review.status),
                before,
                ReviewDecisionView.of(review));
        return review;
    }

    private void approve(ReviewCase review, Approval approval, String reviewer, OffsetDateTime now) {
        if (review.status == ReviewStatus.AWAITING_SECOND_APPROVAL) {
            Approval first = review.pendingApproval;
            if (first.approvedBy().equals(reviewer)) {
                throw new DomainRuleViolation(
                        409, "four-eyes", Text.of("approval.second-reviewer-needed", "reviewer", reviewer));
            }
            if (!first.sameAs(approval)) {
                throw DomainRuleViolation.conflict(Text.of(
                        "approval.pending-differs",
                        "programme",
                        first.programmeCode(),
                        "amount",
                        first.amount().amount().toPlainString(),
                        "currency",
                        first.amount().currency()));
            }
            takeEffect(review, first, List.of(first.approvedBy(), reviewer), now);
            return;
        }
        if (fourEyes.needsSecondReviewer(approval.amount())) {
            // refused now if the funds could not cover it; committed only when the second reviewer agrees
            programmes.requireCommittable(
                    approval.programmeCode(), approval.amount(), review.country, review.thematicArea);
            review.awaitSecondApproval(approval, now);
        } else {
            takeEffect(review, approval, List.of(reviewer), now);
        }
    }

    private void takeEffect(ReviewCase review, Approval approval, List<String> approvers, OffsetDateTime now) {
        String programme = approval.programmeCode();
        List<DonorAmount> split = programmes.commit(
                review.requestId, programme, approval.amount(), review.country, review.thematicArea, now);
        boolean partial = review.isPartial(approval);
        List<Activities.Plan> plans = new ArrayList<>();
        approval.trainings()
                .forEach(t -> plans.add(new Activities.Plan(
                        ActivityKind.TRAINING_COURSE, t.topic(), t.participants(), t.plannedStart(), t.plannedEnd())));
        if (approval.activities() != null) {
            approval.activities()
                    .forEach(a -> plans.add(new Activities.Plan(
                            a.kind(), a.title(), a.participants(), a.plannedStart(), a.plannedEnd())));
        }
        List<PlannedActivity> planned = activities.plan(
                review.requestId,
                review.agencyId,
                review.country,
                programme,
                plans,
                approval.activities() == null ? review.assistanceTypes : null,
                now.toLocalDate());
        review.approved(approval, approvers, now);
        // the donors this request is reported to are those whose money it draws on
        List<DonorShare> donors = Programmes.donorsIn(split);
        outbox.record(new FundsCommitted(review.requestId, programme, approval.amount(), donors, split, now));
        outbox.record(new RequestApproved(
                review.requestId,
                review.agencyId,
                review.country,
                review.thematicArea,
                programme,
                approval.amount(),
                partial,
                approval.equipmentLines(),
                planned,
                donors,
                approvers,
                now));
    }

    private void reject(ReviewCase review, DecisionBody body, String reviewer, OffsetDateTime now) {
        if (body.reasonCode() == null) {
            throw InvalidInput.field("reasonCode", Text.of("decision.reason-required"));
        }
        boolean noComment = body.comment() == null || body.comment().isBlank();
        if (body.reasonCode() == DecisionBody.RejectionReason.OTHER && noComment) {
            throw InvalidInput.field("comment", Text.of("decision.comment-required"));
        }
        String comment = noComment ? null : body.comment().strip();
        review.rejected(reviewer, body.reasonCode() + (comment == null ? "" : ": " + comment), now);
        outbox.record(new RequestRejected(
                review.requestId, review.agencyId, body.reasonCode().name(), comment, reviewer, now));
    }

    private void requestInformation(ReviewCase review, DecisionBody body, String reviewer, OffsetDateTime now) {
        if (body.questions() == null || body.questions().isEmpty()) {
            throw InvalidInput.field("questions", Text.of("decision.questions-required"));
        }
        if (review.status == ReviewStatus.AWAITING_SECOND_APPROVAL) {
            throw DomainRuleViolation.conflict(Text.of("approval.awaits-second-reviewer"));
        }
        List<String> questions = body.questions().stream().map(String::strip).toList();
        // kept, so the agency's answers (messages of the request's conversation) show beside them,
        // and the case returns to the queue it is in now
        InformationRequest.ask(review, review.status, questions, reviewer, now).persist();
        review.informationRequested(now);
        outbox.record(new InformationRequested(review.requestId, review.agencyId, questions, reviewer, now));
    }

    /** The approval as the body gives it, checked against what the agency asked for and the programme. */
    private Approval approvalOf(ReviewCase review, DecisionBody body, String reviewer) {
        List<Field> errors = new ArrayList<>();
        if (body.programmeCode() == null || body.programmeCode().isBlank()) {
            errors.add(new Field("programmeCode", Text.of("approval.required")));
        }
        if (body.approvedAmount() == null) {
            errors.add(new Field("approvedAmount", Text.of("approval.required")));
        }
        List<DecisionBody.Line> lines = body.equipmentLines() == null ? List.of() : body.equipmentLines();
        Map<String, Integer> asked = new HashMap<>();
        review.equipmentLines.forEach(l -> asked.merge(l.itemCode(), l.quantity(), Integer::sum));
        Map<String, Integer> approvedSoFar = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            DecisionBody.Line line = lines.get(i);
            Integer quantity = asked.get(line.itemCode());
            int total = approvedSoFar.merge(line.itemCode(), line.quantity(), Integer::sum);
            if (quantity == null) {
                errors.add(new Field("equipmentLines[" + i + "].itemCode", Text.of("approval.item-not-asked")));
            } else if (total > quantity) {
                errors.add(new Field(
                        "equipmentLines[" + i + "].quantity",
                        Text.of("approval.quantity-above-asked", "quantity", quantity)));
            }
        }
        List<DecisionBody.Training> trainings = body.trainings() == null ? List.of() : body.trainings();
        List<String> askedTopics =
                review.trainingNeeds.stream().map(TrainingNeed::topic).toList();
        for (int i = 0; i < trainings.size(); i++) {
            DecisionBody.Training training = trainings.get(i);
            if (!askedTopics.contains(training.topic())) {
                errors.add(new Field(
                        "trainings[" + i + "].topic",
                        Text.of("approval.topic-not-asked", "asked", askedTopics.toString())));
            }
            if (training.plannedStart() != null
                    && training.plannedEnd() != null
                    && training.plannedEnd().isBefore(training.plannedStart())) {
                errors.add(new Field("trainings[" + i + "].plannedEnd", Dates.notBefore("plannedStart")));
            }
            endsBeforeDefaultStart("trainings[" + i + "]", training.plannedStart(), training.plannedEnd(), errors);
            Activities.plannable("trainings[" + i + "].plannedStart", training.plannedStart(), errors);
            Activities.plannable("trainings[" + i + "].plannedEnd", training.plannedEnd(), errors);
        }
        List<DecisionBody.PlannedActivity> named = body.activities();
        for (int i = 0; named != null && i < named.size(); i++) {
            DecisionBody.PlannedActivity activity = named.get(i);
            if (activity.plannedStart() != null
                    && activity.plannedEnd() != null
                    && activity.plannedEnd().isBefore(activity.plannedStart())) {
                errors.add(new Field("activities[" + i + "].plannedEnd", Dates.notBefore("plannedStart")));
            }
            endsBeforeDefaultStart("activities[" + i + "]", activity.plannedStart(), activity.plannedEnd(), errors);
            Activities.plannable("activities[" + i + "].plannedStart", activity.plannedStart(), errors);
            Activities.plannable("activities[" + i + "].plannedEnd", activity.plannedEnd(), errors);
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        if (lines.isEmpty() && trainings.isEmpty() && (named == null || named.isEmpty())) {
            throw DomainRuleViolation.unprocessable(Text.of("approval.nothing-to-deliver"));
        }
        Map<String, String> itemsByField = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            itemsByField.put("equipmentLines[" + i + "].itemCode", lines.get(i).itemCode());
        }
        ItemsUnavailable.refuseAny(catalogue.unavailable(itemsByField));
        // locked from the first read: reading it unlocked first would make the later lock fail on a
        // version changed meanwhile by a concurrent approval (DecidingOnRequestsTest caught it)
        Programme programme = Programme.lockedForFunds(body.programmeCode());
        if (!programme.serves(review.thematicArea)) {
            throw DomainRuleViolation.unprocessable(Text.of(
                    "approval.programme-does-not-serve",
                    "programme",
                    programme.code,
                    "area",
                    review.thematicArea,
                    "areas",
                    programme.thematicAreas.toString()));
        }
        Money amount = body.approvedAmount().toMoney();
        programme.requireOwnCurrency(amount);
        return new Approval(
                programme.code,
                amount,
                lines.stream()
                        .map(l -> new EquipmentLine(l.itemCode(), l.quantity(), justification(review, l.itemCode())))
                        .toList(),
                trainings.stream()
                        .map(t -> new Approval.Training(t.topic(), t.participants(), t.plannedStart(), t.plannedEnd()))
                        .toList(),
                named == null
                        ? null
                        : named.stream()
                                .map(a -> new Approval.Activity(
                                        a.kind(),
                                        a.title().strip(),
                                        a.participants(),
                                        a.plannedStart(),
                                        a.plannedEnd()))
                                .toList(),
                reviewer);
    }

    /** Without a planned start an activity starts 45 days after the approval: a planned end must not precede it. */
    private static void endsBeforeDefaultStart(String field, LocalDate start, LocalDate end, List<Field> errors) {
        LocalDate defaultStart = Activities.defaultStart(LocalDate.now());
        if (start == null && end != null && end.isBefore(defaultStart)) {
            errors.add(new Field(
                    field + ".plannedEnd",
                    Text.of("approval.end-before-default-start", "date", defaultStart.toString())));
        }
    }

    private static String justification(ReviewCase review, String itemCode) {
        return review.equipmentLines.stream()
                .filter(l -> l.itemCode().equals(itemCode))
                .map(EquipmentLine::justification)
                .findFirst()
                .orElse(null);
    }
}
