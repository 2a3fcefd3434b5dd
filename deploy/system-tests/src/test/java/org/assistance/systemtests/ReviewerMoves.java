package org.assistance.systemtests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assistance.systemtests.PlatformModel.Approval;
import org.assistance.systemtests.PlatformModel.Programme;
import org.assistance.systemtests.PlatformModel.Request;
import org.assistance.systemtests.PlatformModel.Review;

/**
 * What reviewers may do with a case: approve it fully or partly (under a programme serving its
 * area, never more than the programme has available), above the four-eyes threshold with a second
 * reviewer, reject it, or ask the agency for information.
 */
final class ReviewerMoves {
    static final String ANA = "reviewer-model-ana";
    static final String BO = "reviewer-model-bo";
    private static final List<String> EXTRA_ACTIVITIES =
            List.of("ADVISORY_MISSION", "NEEDS_ASSESSMENT", "KNOWLEDGE_PRODUCT");
    private static final BigDecimal SMALLEST = new BigDecimal("1000.00");

    private final ModelRun run;

    ReviewerMoves(ModelRun run) {
        this.run = run;
    }

    void offer(List<Move> moves) {
        for (Request r : run.settled()) {
            if (r.review == Review.PENDING) {
                Programme funded = programmeFor(r, SMALLEST);
                if (funded != null) {
                    moves.add(new Move(
                            Move.APPROVE_FULLY, r, "under " + funded.code, () -> approve(r, funded, fully(r), false)));
                    moves.add(new Move(
                            Move.APPROVE_PARTLY,
                            r,
                            "under " + funded.code,
                            () -> approve(r, funded, partly(r), false)));
                }
                Programme large = programmeFor(r, null);
                if (large != null) {
                    moves.add(new Move(
                            Move.APPROVE_FOUR_EYES,
                            r,
                            "under " + large.code,
                            () -> approve(r, large, run.random.nextBoolean() ? fully(r) : partly(r), true)));
                }
                moves.add(
                        new Move(Move.REQUEST_INFORMATION, r, "questions to the agency", () -> requestInformation(r)));
                if (!r.refusalsTried.contains(Move.REFUSED_BEYOND_FUNDS)) {
                    moves.add(new Move(
                            Move.REFUSED_BEYOND_FUNDS, r, "one cent more than available", () -> beyondFunds(r)));
                }
            }
            if (r.review == Review.AWAITING_SECOND_APPROVAL
                    && run.model
                                    .programmes
                                    .get(r.pendingApproval.programme())
                                    .available()
                                    .compareTo(r.pendingApproval.amount())
                            >= 0) {
                moves.add(new Move(Move.CONFIRM_SECOND, r, "by the other reviewer", () -> confirm(r)));
            }
            if (r.undecided()) {
                moves.add(new Move(Move.REJECT, r, "with a reason", () -> reject(r)));
            }
            if (r.review == Review.WITHDRAWN
                    && r.withdrawnWhileAwaitingSecondApproval != null
                    && !r.refusalsTried.contains(Move.REFUSED_DECISION_ON_WITHDRAWN)) {
                moves.add(new Move(
                        Move.REFUSED_DECISION_ON_WITHDRAWN, r, "the approval that waited", () -> confirmWithdrawn(r)));
            }
        }
    }

    /** A programme serving the request's area with at least this much available (null: above the four-eyes threshold). */
    private Programme programmeFor(Request r, BigDecimal atLeast) {
        List<Programme> serving = run.model.programmes.values().stream()
                .filter(p -> p.thematicAreas.contains(r.thematicArea))
                .filter(p -> p.available()
                                .compareTo(
                                        atLeast != null
                                                ? atLeast
                                                : p.singleReviewerLimit().add(SMALLEST))
                        >= 0)
                .toList();
        return serving.isEmpty() ? null : serving.get(run.random.nextInt(serving.size()));
    }

    /** Everything asked for, sometimes with an activity of another kind. */
    private Approval fully(Request r) {
        return approval(r, new LinkedHashMap<>(r.askedLines), new ArrayList<>(r.trainingTopics));
    }

    /** Fewer units or fewer courses than asked; an activity of another kind when nothing else is left. */
    private Approval partly(Request r) {
        Map<String, Integer> lines = new LinkedHashMap<>(r.askedLines);
        List<String> trainings = new ArrayList<>(r.trainingTopics);
        if (!lines.isEmpty() && (trainings.isEmpty() || run.random.nextBoolean())) {
            String item = run.pick(new ArrayList<>(lines.keySet()));
            int fewer = run.random.nextInt(lines.get(item));
            if (fewer == 0) {
                lines.remove(item);
            } else {
                lines.put(item, fewer);
            }
        } else {
            trainings.remove(run.random.nextInt(trainings.size()));
        }
        return approval(r, lines, trainings);
    }

    private Approval approval(Request r, Map<String, Integer> lines, List<String> trainings) {
        List<String> activities = new ArrayList<>();
        if ((lines.isEmpty() && trainings.isEmpty()) || run.random.nextInt(4) == 0) {
            activities.add(run.pick(EXTRA_ACTIVITIES));
        }
        int units = lines.values().stream().mapToInt(Integer::intValue).sum();
        boolean partial = units < r.askedUnits() || trainings.size() < r.trainingTopics.size();
        return new Approval(null, null, lines, trainings, activities, null, partial);
    }

    private void approve(Request r, Programme programme, Approval content, boolean fourEyes) throws Exception {
        BigDecimal limit = programme.singleReviewerLimit();
        BigDecimal amount = fourEyes
                ? between(
                        limit.add(new BigDecimal("0.01")),
                        limit.multiply(new BigDecimal("1.5")).min(programme.available()))
                : between(SMALLEST, limit.min(programme.available()).min(new BigDecimal("45000")));
        String reviewer = run.random.nextBoolean() ? ANA : BO;
        Approval approval = new Approval(
                programme.code,
                amount,
                content.lines(),
                content.trainings(),
                content.activityKinds(),
                reviewer,
                content.partial());
        run.decide(r, token(reviewer), body(approval), !approval.lines().isEmpty());
        if (fourEyes) {
            r.review = Review.AWAITING_SECOND_APPROVAL;
            r.pendingApproval = approval;
            r.story.add("approved by " + reviewer + ", awaiting a second reviewer: " + amount);
        } else {
            takeEffect(r, approval);
        }
    }

    private void confirm(Request r) throws Exception {
        Approval first = r.pendingApproval;
        String second = first.reviewer().equals(ANA) ? BO : ANA;
        run.decide(r, token(second), body(first), !first.lines().isEmpty());
        takeEffect(r, first);
    }

    private void takeEffect(Request r, Approval approval) {
        r.review = Review.APPROVED;
        r.approval = approval;
        r.ruleChangesAtPlanning = run.model.ruleChanges;
        r.pendingApproval = null;
        run.model.programmes.get(approval.programme()).committed =
                run.model.programmes.get(approval.programme()).committed.add(approval.amount());
        r.story.add("approved under " + approval.programme() + ": " + approval.amount() + " " + approval.lines() + " "
                + approval.trainings() + " " + approval.activityKinds() + (approval.partial() ? " (partly)" : ""));
        run.expect(r, run.observe.requestStatus(r));
        if (!approval.lines().isEmpty()) {
            run.expect(r, run.observe.equipmentPlanned(r));
        }
        if (approval.activities() > 0) {
            run.expect(r, run.observe.activitiesPlanned(r));
        }
    }

    private void reject(Request r) throws Exception {
        String reason = run.pick(List.of("OUT_OF_MANDATE", "INSUFFICIENT_FUNDS", "DUPLICATE", "INCOMPLETE", "OTHER"));
        run.api.ok(
                "POST",
                run.api.programs + "/reviews/" + r.id + "/decision",
                token(ANA),
                Map.of("decision", "REJECT", "reasonCode", reason, "comment", "Model test rejection"));
        r.review = Review.REJECTED;
        r.pendingApproval = null;
        r.story.add("rejected: " + reason);
        run.expect(r, run.observe.requestStatus(r));
    }

    private void requestInformation(Request r) throws Exception {
        run.api.ok(
                "POST",
                run.api.programs + "/reviews/" + r.id + "/decision",
                token(BO),
                Map.of("decision", "REQUEST_INFORMATION", "questions", List.of("Which units will use it?")));
        r.review = Review.INFORMATION_REQUESTED;
        r.reviewPhase = "INFORMATION_REQUESTED";
        r.story.add("information requested");
        run.expect(r, run.observe.requestStatus(r));
    }

    private void confirmWithdrawn(Request r) throws Exception {
        r.refusalsTried.add(Move.REFUSED_DECISION_ON_WITHDRAWN);
        Approval first = r.withdrawnWhileAwaitingSecondApproval;
        String second = first.reviewer().equals(ANA) ? BO : ANA;
        run.api.refused(409, "POST", run.api.programs + "/reviews/" + r.id + "/decision", token(second), body(first));
    }

    private void beyondFunds(Request r) throws Exception {
        r.refusalsTried.add(Move.REFUSED_BEYOND_FUNDS);
        Programme programme = run.model.programmes.values().stream()
                .filter(p -> p.thematicAreas.contains(r.thematicArea))
                .findFirst()
                .orElseThrow();
        Approval approval = approval(r, new LinkedHashMap<>(r.askedLines), new ArrayList<>(r.trainingTopics));
        run.api.refused(
                409,
                "POST",
                run.api.programs + "/reviews/" + r.id + "/decision",
                token(ANA),
                body(new Approval(
                        programme.code,
                        programme.available().add(new BigDecimal("0.01")),
                        approval.lines(),
                        approval.trainings(),
                        approval.activityKinds(),
                        ANA,
                        approval.partial())));
    }

    private String token(String reviewer) {
        return reviewer.equals(ANA) ? run.api.reviewerAna : run.api.reviewerBo;
    }

    private Map<String, Object> body(Approval a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", "APPROVE");
        body.put("programmeCode", a.programme());
        body.put(
                "approvedAmount",
                Map.of(
                        "amount",
                        a.amount().toPlainString(),
                        "currency",
                        run.model.programmes.get(a.programme()).currency));
        body.put(
                "equipmentLines",
                a.lines().entrySet().stream()
                        .map(l -> Map.of("itemCode", l.getKey(), "quantity", l.getValue()))
                        .toList());
        body.put(
                "trainings",
                a.trainings().stream()
                        .map(t -> Map.of("topic", t, "participants", 12))
                        .toList());
        if (!a.activityKinds().isEmpty()) {
            LocalDate start = LocalDate.now().plusDays(30);
            body.put(
                    "activities",
                    a.activityKinds().stream()
                            .map(kind -> Map.of(
                                    "kind",
                                    kind,
                                    "title",
                                    "Model " + kind.toLowerCase().replace('_', ' '),
                                    "participants",
                                    6,
                                    "plannedStart",
                                    start.toString(),
                                    "plannedEnd",
                                    start.plusDays(3).toString()))
                            .toList());
        }
        return body;
    }

    /** An amount with cents, evenly between the two (so donor splits have remainders to share). */
    private BigDecimal between(BigDecimal low, BigDecimal high) {
        long cents = high.subtract(low).movePointRight(2).longValue();
        return low.add(BigDecimal.valueOf(cents <= 0 ? 0 : (long) (run.random.nextDouble() * cents), 2))
                .setScale(2, RoundingMode.DOWN);
    }
}
