package org.assistance.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.assistance.systemtests.PlatformModel.Expectation;
import org.assistance.systemtests.PlatformModel.Request;

/**
 * The random walk: at each step every actor offers the moves the model says are valid now; one
 * kind of move is drawn (so rare moves get their turn), then one move of it. A move waits for
 * nothing: what the platform does asynchronously becomes an expectation on the request, and the
 * request takes no further move until the services show it (the others go on meanwhile).
 */
final class ModelRun {
    static final long EXPECTATION_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** The moves that bring a journey to its end, in the order the finishing phase prefers them. */
    private static final List<String> FINISHING = List.of(
            Move.CONFIRM_SECOND,
            Move.ANSWER_INFORMATION,
            Move.APPROVE_FULLY,
            Move.CLEAR,
            Move.DISPATCH,
            Move.DELIVER_SHIPMENT,
            Move.RECEIVE_STOCK,
            Move.DELIVER_ACTIVITY,
            Move.CONFIRM_RECEIPT,
            Move.CONFIRM_COMPLETION,
            Move.REJECT,
            Move.CANCEL_SHIPMENT);

    /** Moves that end a journey early weigh less, so that most journeys get far. */
    private static final Map<String, Double> WEIGHTS = Map.ofEntries(
            Map.entry(Move.SUBMIT, 2.0),
            Map.entry(Move.WITHDRAW, 0.4),
            Map.entry(Move.REJECT, 0.4),
            Map.entry(Move.REQUEST_INFORMATION, 0.6),
            Map.entry(Move.CONFIRM_COMPLETION, 0.5),
            Map.entry(Move.RECEIVE_STOCK, 0.6),
            Map.entry(Move.CANCEL_SHIPMENT, 0.6),
            Map.entry(Move.CANCEL_BACKORDER, 0.6),
            Map.entry(Move.CANCEL_ACTIVITY, 0.6),
            Map.entry(Move.ADD_RULE, 0.3),
            Map.entry(Move.RETIRE_RULE, 0.3),
            Map.entry(Move.CONTRIBUTE, 0.5),
            Map.entry(Move.PLEDGE, 0.2));

    final long seed;
    final Random random;
    final PlatformModel model;
    final ModelApi api;
    final Observations observe;
    final int maxRequests;
    final List<String> violations = new ArrayList<>();
    final Map<String, Integer> movesMade = new LinkedHashMap<>();
    /** Until the first submission and approval pass, request- and program-service may not know the catalogue yet. */
    boolean catalogueKnown;

    private boolean reviewsKnowTheCatalogue;
    private final PartnerMoves partner = new PartnerMoves(this);
    private final ReviewerMoves reviewers = new ReviewerMoves(this);
    private final LogisticsMoves logistics = new LogisticsMoves(this);
    private final AdminMoves admin = new AdminMoves(this);
    private int step;
    private Move current;

    ModelRun(long seed, PlatformModel model, ModelApi api, int maxRequests) {
        this.seed = seed;
        this.random = new Random(seed);
        this.model = model;
        this.api = api;
        this.maxRequests = maxRequests;
        this.observe = new Observations(api, model, this::violation);
    }

    /** The random walk of so many moves. */
    void walk(int steps) throws Exception {
        for (int made = 0; made < steps; made++) {
            step++;
            List<Move> moves = awaitMoves();
            if (moves.isEmpty()) {
                violation("no move possible and nothing awaited: the model is stuck");
                return;
            }
            make(drawn(moves));
        }
    }

    /**
     * Brings the journeys of some requests to their end (each chosen with the given probability;
     * the others stay where they are), preferring the moves that progress.
     */
    void finish(double share) throws Exception {
        Set<Request> finishing = new java.util.HashSet<>();
        for (Request r : model.requests.values()) {
            if (random.nextDouble() < share) {
                finishing.add(r);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        int made = 0;
        while (made < 20 * model.requests.size() + 50 && System.nanoTime() < deadline) {
            List<Move> progressing = new ArrayList<>();
            for (Move move : awaitMoves()) {
                boolean ours = move.request() == null
                        ? settled().stream()
                                .anyMatch(r -> finishing.contains(r)
                                        && r.backorders.values().stream()
                                                .anyMatch(
                                                        b -> move.description().startsWith(b.item)))
                        : finishing.contains(move.request());
                if (ours && FINISHING.contains(move.kind()) && !completionLeftOpen(move)) {
                    progressing.add(move);
                }
            }
            if (progressing.isEmpty()) {
                if (model.live().stream().anyMatch(r -> !r.expectations.isEmpty())) {
                    Thread.sleep(200);
                    continue;
                }
                return;
            }
            progressing.sort(java.util.Comparator.comparingInt(m -> FINISHING.indexOf(m.kind())));
            String first = progressing.get(0).kind();
            List<Move> best =
                    progressing.stream().filter(m -> m.kind().equals(first)).toList();
            step++;
            made++;
            make(best.get(random.nextInt(best.size())));
        }
        violation("the finishing moves did not end within 150 s or " + made + " moves");
    }

    /** Half the delivered requests are left without the partner's completion (auto-close is days away). */
    private boolean completionLeftOpen(Move move) {
        return move.kind().equals(Move.CONFIRM_COMPLETION) && move.request().number % 2 == 0;
    }

    /** Waits until every expectation is met or some move is possible; fails the requests whose wait timed out. */
    void settleAll() throws Exception {
        while (model.live().stream().anyMatch(r -> !r.expectations.isEmpty())) {
            lookAtExpectations();
            Thread.sleep(200);
        }
    }

    private List<Move> awaitMoves() throws Exception {
        while (true) {
            lookAtExpectations();
            List<Move> moves = new ArrayList<>();
            partner.offer(moves);
            reviewers.offer(moves);
            logistics.offer(moves);
            admin.offer(moves);
            if (!moves.isEmpty() || model.live().stream().allMatch(r -> r.expectations.isEmpty())) {
                return moves;
            }
            Thread.sleep(100);
        }
    }

    /** Draws a kind of move (submissions weigh more while there are few requests), then one move of it. */
    private Move drawn(List<Move> moves) {
        Map<String, List<Move>> byKind = new LinkedHashMap<>();
        moves.forEach(
                m -> byKind.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m));
        List<String> kinds = new ArrayList<>(byKind.keySet());
        double[] weights = new double[kinds.size()];
        double total = 0;
        for (int i = 0; i < kinds.size(); i++) {
            String kind = kinds.get(i);
            weights[i] = WEIGHTS.getOrDefault(kind, kind.startsWith("refused") ? 0.3 : 1.0);
            total += weights[i];
        }
        double draw = random.nextDouble() * total;
        int chosen = 0;
        while (chosen < kinds.size() - 1 && draw >= weights[chosen]) {
            draw -= weights[chosen++];
        }
        List<Move> ofKind = byKind.get(kinds.get(chosen));
        return ofKind.get(random.nextInt(ofKind.size()));
    }

    private void make(Move move) {
        current = move;
        movesMade.merge(move.kind(), 1, Integer::sum);
        System.out.printf("[model] step %d: %s%n", step, move);
        try {
            move.action().perform();
        } catch (ModelApi.UnexpectedAnswer e) {
            fail(move, e.getMessage());
        } catch (Exception e) {
            fail(move, e.toString());
        } finally {
            current = null;
        }
    }

    private void fail(Move move, String what) {
        violation("a valid move failed: " + move + ": " + what);
        if (move.request() != null && !move.kind().startsWith("refused")) {
            move.request().lost = move.kind() + ": " + what;
        }
    }

    private void lookAtExpectations() throws Exception {
        for (Request r : model.live()) {
            Iterator<Expectation> waiting = r.expectations.iterator();
            while (waiting.hasNext()) {
                Expectation expectation = waiting.next();
                boolean met;
                try {
                    met = expectation.met();
                } catch (Exception e) {
                    met = false;
                }
                if (met) {
                    waiting.remove();
                } else if (System.nanoTime() - expectation.since() > EXPECTATION_TIMEOUT_NANOS) {
                    violation(r.describe() + ": not seen within 30 s: " + expectation.what() + "\n"
                            + PlatformInvariants.whatEachServiceSays(api, r) + "\n  story: " + r.story);
                    r.lost = "waited in vain: " + expectation.what();
                    break;
                } else {
                    break; // in order: the later ones build on this one
                }
            }
        }
    }

    void expect(Request r, Expectation expectation) {
        r.expectations.add(expectation);
    }

    List<Request> settled() {
        return model.requests.values().stream().filter(Request::settled).toList();
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    void violation(String what) {
        String line = "seed=" + seed + " step=" + step + (current == null ? "" : " (" + current + ")") + ": " + what;
        violations.add(line);
        System.out.println("[model] VIOLATION " + line);
    }

    /**
     * The first submission naming the new items: the catalogue reaches request-service through its
     * topic, so a 422 is sent again for a while (later, a 422 is a failure).
     */
    JsonNode submitWhileTheCatalogueTravels(Object body) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                JsonNode created = api.ok("POST", api.requests + "/requests", api.partner, body);
                catalogueKnown = true;
                return created;
            } catch (ModelApi.UnexpectedAnswer e) {
                if (e.status != 422 || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    /** A reviewer's decision; until one approval passed, program-service may not know the catalogue yet either. */
    void decide(Request r, String token, Object body, boolean namesItems) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                api.ok("POST", api.programs + "/reviews/" + r.id + "/decision", token, body);
                reviewsKnowTheCatalogue |= namesItems;
                return;
            } catch (ModelApi.UnexpectedAnswer e) {
                if (reviewsKnowTheCatalogue || e.status != 422 || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    int step() {
        return step;
    }
}
