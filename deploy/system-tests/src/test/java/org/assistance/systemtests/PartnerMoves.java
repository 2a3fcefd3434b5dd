package org.assistance.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.systemtests.PlatformModel.Request;
import org.assistance.systemtests.PlatformModel.Review;
import org.assistance.systemtests.PlatformModel.Shipment;

/** What a partner agency may do: submit, amend, answer questions, withdraw, confirm receipt and completion. */
final class PartnerMoves {
    static final List<String> COUNTRIES = List.of("GH", "MZ", "PE");
    static final List<String> AREAS = List.of("CYBERCRIME", "MONEY_LAUNDERING", "CORRUPTION");
    static final List<String> TOPICS =
            List.of("Mobile forensics", "Financial investigations", "Open-source intelligence");
    private static final List<String> PRIORITIES = List.of("LOW", "MEDIUM", "HIGH", "URGENT");

    private final ModelRun run;

    PartnerMoves(ModelRun run) {
        this.run = run;
    }

    void offer(List<Move> moves) {
        long open = run.model.live().stream()
                .filter(r -> !PlatformModel.ENDED.contains(r.expectedStatus()))
                .count();
        if (run.model.requests.size() < run.maxRequests && open < 12) {
            moves.add(new Move(Move.SUBMIT, null, "a new request", this::submit));
        }
        for (Request r : run.settled()) {
            if (r.review == Review.PENDING && r.reviewPhase.equals("SUBMITTED")) {
                moves.add(new Move(Move.AMEND, r, "new priority and quantities", () -> amend(r)));
            }
            if (r.review == Review.INFORMATION_REQUESTED) {
                moves.add(new Move(Move.ANSWER_INFORMATION, r, "amended with the answers", () -> amend(r)));
            }
            if (r.undecided()) {
                moves.add(new Move(
                        Move.WITHDRAW,
                        r,
                        "before a decision"
                                + (r.pendingApproval == null ? "" : " (an approval awaits its second reviewer)"),
                        () -> withdraw(r)));
            }
            for (Shipment s : r.shipments.values()) {
                if (s.status.equals("DELIVERED")) {
                    moves.add(new Move(Move.CONFIRM_RECEIPT, r, "shipment " + s.id, () -> confirmReceipt(r, s)));
                }
            }
            String status = r.expectedStatus();
            if (status.equals("DELIVERED")) {
                moves.add(new Move(Move.CONFIRM_COMPLETION, r, "with a rating", () -> confirmCompletion(r)));
            }
            if (!r.refusalsTried.contains(Move.REFUSED_EARLY_COMPLETION)
                    && List.of("APPROVED", "PARTIALLY_APPROVED", "IN_DELIVERY", "SUBMITTED")
                            .contains(status)) {
                moves.add(new Move(Move.REFUSED_EARLY_COMPLETION, r, "while " + status, () -> completionRefused(r)));
            }
        }
    }

    private void submit() throws Exception {
        int number = run.model.requests.size() + 1;
        String country = run.pick(COUNTRIES);
        String area = run.pick(AREAS);
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> topics = new ArrayList<>();
        boolean equipment = run.random.nextInt(4) > 0;
        if (equipment) {
            List<String> items = new ArrayList<>(run.model.items.keySet());
            int count = 1 + run.random.nextInt(Math.min(3, items.size()));
            for (int i = 0; i < count; i++) {
                lines.put(items.remove(run.random.nextInt(items.size())), 1 + run.random.nextInt(6));
            }
        }
        if (!equipment || run.random.nextBoolean()) {
            List<String> left = new ArrayList<>(TOPICS);
            int count = 1 + run.random.nextInt(2);
            for (int i = 0; i < count; i++) {
                topics.add(left.remove(run.random.nextInt(left.size())));
            }
        }
        String priority = run.pick(PRIORITIES);
        String title = "Model request " + number;
        Map<String, Object> body = draft(country, area, priority, title, lines, topics);
        JsonNode created = run.catalogueKnown || lines.isEmpty()
                ? run.api.ok("POST", run.api.requests + "/requests", run.api.partner, body)
                : run.submitWhileTheCatalogueTravels(body);
        Request r = new Request(UUID.fromString(created.path("id").asText()), number, country, area, priority, title);
        r.askedLines.putAll(lines);
        r.trainingTopics.addAll(topics);
        run.model.requests.put(r.id, r);
        r.story.add("submitted " + lines + " " + topics);
        run.expect(r, run.observe.reviewCase(r, Review.PENDING));
    }

    static Map<String, Object> draft(
            String country,
            String area,
            String priority,
            String title,
            Map<String, Integer> lines,
            List<String> topics) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("country", country);
        body.put("requestingAuthority", Map.of("name", "Model test authority of " + country, "kind", "POLICE"));
        body.put("thematicArea", area);
        List<String> types = new ArrayList<>();
        if (!lines.isEmpty()) {
            types.add("EQUIPMENT");
        }
        if (!topics.isEmpty()) {
            types.add("TRAINING");
        }
        body.put("assistanceTypes", types);
        body.put("priority", priority);
        body.put("title", title);
        body.put("needsStatement", "Generated by the model-based test of the platform.");
        body.put("desiredBy", LocalDate.now().plusMonths(6).toString());
        if (!lines.isEmpty()) {
            body.put(
                    "equipmentLines",
                    lines.entrySet().stream()
                            .map(l -> Map.of(
                                    "itemCode", l.getKey(), "quantity", l.getValue(), "justification", "model test"))
                            .toList());
        }
        if (!topics.isEmpty()) {
            body.put(
                    "trainingNeeds",
                    topics.stream()
                            .map(t -> Map.of("topic", t, "expectedParticipants", 12))
                            .toList());
        }
        return body;
    }

    /** A JSON merge patch: a new priority and title, and sometimes new quantities of the equipment asked for. */
    private void amend(Request r) throws Exception {
        JsonNode current = run.api.get(run.api.requests + "/requests/" + r.id, run.api.partner);
        boolean answering = r.review == Review.INFORMATION_REQUESTED;
        r.amendments++;
        r.priority = run.pick(PRIORITIES);
        r.title = "Model request " + r.number + " (amended " + r.amendments + ")";
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("priority", r.priority);
        patch.put("title", r.title);
        if (!r.askedLines.isEmpty() && run.random.nextBoolean()) {
            r.askedLines.replaceAll((item, quantity) -> 1 + run.random.nextInt(6));
            patch.put(
                    "equipmentLines",
                    r.askedLines.entrySet().stream()
                            .map(l -> Map.of(
                                    "itemCode",
                                    l.getKey(),
                                    "quantity",
                                    l.getValue(),
                                    "justification",
                                    "model test, amended"))
                            .toList());
        }
        run.api.ok(
                "PATCH",
                run.api.requests + "/requests/" + r.id,
                run.api.partner,
                patch,
                Map.of(
                        "Content-Type",
                        "application/merge-patch+json",
                        "If-Match",
                        "\"" + current.path("version").asLong() + "\""));
        if (answering) {
            r.reviewPhase = "UNDER_REVIEW";
            r.review = Review.PENDING;
        }
        r.story.add((answering ? "answered by amending " : "amended ") + r.askedLines);
        run.expect(r, run.observe.reviewCase(r, Review.PENDING));
        run.expect(r, run.observe.requestStatus(r));
    }

    private void withdraw(Request r) throws Exception {
        run.api.ok(
                "POST",
                run.api.requests + "/requests/" + r.id + "/withdrawal",
                run.api.partner,
                Map.of("reason", "Funded by the national budget after all"));
        r.withdrawnWhileAwaitingSecondApproval = r.pendingApproval;
        r.pendingApproval = null;
        r.review = Review.WITHDRAWN;
        r.story.add("withdrawn");
        run.expect(r, run.observe.requestStatus(r));
        run.expect(r, run.observe.reviewCase(r, Review.WITHDRAWN));
    }

    /** Every line once: accepted + rejected = shipped, a reason for anything rejected. */
    private void confirmReceipt(Request r, Shipment s) throws Exception {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> line : s.lines.entrySet()) {
            int rejected = run.random.nextInt(4) == 0 ? run.random.nextInt(line.getValue() + 1) : 0;
            Map<String, Object> receipt = new LinkedHashMap<>();
            receipt.put("itemCode", line.getKey());
            receipt.put("quantityAccepted", line.getValue() - rejected);
            receipt.put("quantityRejected", rejected);
            if (rejected > 0) {
                receipt.put("rejectionReason", "Damaged in transit");
                // the units dispatched with serial numbers: the receipt names those it accepts
                receipt.put("serialsAccepted", SerialNumbers.accepted(s.id, line.getKey(), line.getValue() - rejected));
            }
            lines.add(receipt);
        }
        run.api.ok(
                "POST",
                run.api.requests + "/requests/" + r.id + "/receipts",
                run.api.partner,
                Map.of(
                        "shipmentId",
                        s.id.toString(),
                        "receivedBy",
                        "Insp. Model",
                        "receivedAt",
                        // now: a request submitted a moment ago cannot have been received before it was asked for
                        OffsetDateTime.now().toString(),
                        "lines",
                        lines));
        s.status = "RECEIVED";
        r.story.add("receipt of " + s.id);
        run.expect(r, run.observe.shipmentStatus(r, s.id, "RECEIVED"));
    }

    private void confirmCompletion(Request r) throws Exception {
        int satisfaction = 1 + run.random.nextInt(5);
        JsonNode view = run.api.ok(
                "POST",
                run.api.requests + "/requests/" + r.id + "/completion",
                run.api.partner,
                Map.of("satisfaction", satisfaction, "comment", "Rated " + satisfaction + " by the model test"));
        r.closed = true;
        r.story.add("completion confirmed");
        if (view == null || !"CLOSED".equals(view.path("status").asText())) {
            run.violation(r.describe() + ": completion answered " + view + ", not the request CLOSED");
        }
        run.expect(r, run.observe.requestStatus(r));
    }

    private void completionRefused(Request r) throws Exception {
        r.refusalsTried.add(Move.REFUSED_EARLY_COMPLETION);
        run.api.refused(
                409,
                "POST",
                run.api.requests + "/requests/" + r.id + "/completion",
                run.api.partner,
                Map.of("satisfaction", 5, "comment", "too early"));
    }
}
