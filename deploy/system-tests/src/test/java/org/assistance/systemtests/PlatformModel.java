package org.assistance.systemtests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the platform should hold after the moves the model-based test made: the programmes'
 * funds, the stock of each item, and every request with its review, approval, shipments,
 * backorders and activities. Its expected request status follows the rules of the README: a
 * request is delivered when every deliverable is delivered or cancelled and one was delivered.
 */
final class PlatformModel {
    static final String AGENCY = "agency-model";
    /** Request statuses no user action leads out of (CLOSED for a delivered one is the partner's completion). */
    static final Set<String> ENDED = Set.of("CLOSED", "CANCELLED", "REJECTED", "WITHDRAWN");

    static final BigDecimal FOUR_EYES_USD = new BigDecimal("50000");
    /** program-service's reference rate for the four-eyes threshold (assistance.four-eyes.reference-rates.EUR). */
    static final BigDecimal EUR_IN_USD = new BigDecimal("1.08");

    final Map<String, Programme> programmes = new LinkedHashMap<>();
    final Map<String, Item> items = new LinkedHashMap<>();
    final List<ExportRule> rules = new ArrayList<>();
    final List<String> warehouses = new ArrayList<>();
    /** Counts the rules added and retired: a shipment planned before a change is screened by other rules. */
    int ruleChanges;

    final Map<UUID, Request> requests = new LinkedHashMap<>();

    /** A programme's funds in its own currency, as the model counts them. */
    static final class Programme {
        final String code;
        final String currency;
        final Set<String> thematicAreas;
        BigDecimal received = BigDecimal.ZERO.setScale(2);
        BigDecimal committed = BigDecimal.ZERO.setScale(2);
        BigDecimal disbursed = BigDecimal.ZERO.setScale(2);
        /** Pledged per donor, in the programme's currency. */
        final Map<String, BigDecimal> pledged = new java.util.TreeMap<>();

        Programme(String code, String currency, Set<String> thematicAreas) {
            this.code = code;
            this.currency = currency;
            this.thematicAreas = thematicAreas;
        }

        BigDecimal available() {
            return received.subtract(committed);
        }

        /** A contribution in another currency is converted as program-service does (2 decimals, half even). */
        void receive(BigDecimal amount, BigDecimal exchangeRate) {
            received = received.add(
                    exchangeRate == null
                            ? amount
                            : amount.multiply(exchangeRate).setScale(2, RoundingMode.HALF_EVEN));
        }

        void pledge(String donor, BigDecimal amount, BigDecimal exchangeRate) {
            pledged.merge(
                    donor,
                    exchangeRate == null
                            ? amount
                            : amount.multiply(exchangeRate).setScale(2, RoundingMode.HALF_EVEN),
                    BigDecimal::add);
        }

        boolean needsSecondReviewer(BigDecimal amount) {
            BigDecimal inUsd = currency.equals("USD") ? amount : amount.multiply(EUR_IN_USD);
            return inUsd.compareTo(FOUR_EYES_USD) > 0;
        }

        /** The largest amount one reviewer may approve alone. */
        BigDecimal singleReviewerLimit() {
            return currency.equals("USD") ? FOUR_EYES_USD : FOUR_EYES_USD.divide(EUR_IN_USD, 2, RoundingMode.DOWN);
        }
    }

    /** A catalogue item and how many units of it the warehouses received in all. */
    record Item(String code, String name, String category, boolean dualUse, BigDecimal unitCost, int[] received) {
        Item(String code, String name, String category, boolean dualUse, BigDecimal unitCost) {
            this(code, name, category, dualUse, unitCost, new int[1]);
        }

        int totalReceived() {
            return received[0];
        }
    }

    /** An export-control rule: shipping to the country items of the target (a category or DUAL_USE) is held. */
    static final class ExportRule {
        final UUID id;
        final String country;
        final String target;
        final String measure;
        boolean inForce = true;

        ExportRule(UUID id, String country, String target, String measure) {
            this.id = id;
            this.country = country;
            this.target = target;
            this.measure = measure;
        }

        boolean hits(String destination, Item item) {
            return inForce
                    && country.equals(destination)
                    && (target.equals(item.category()) || ("DUAL_USE".equals(target) && item.dualUse()));
        }

        /** How equipment-service tells one hit from another: rule, item and measure. */
        String hitOn(String item) {
            return id + ":" + item + ":" + measure;
        }

        @Override
        public String toString() {
            return measure + " " + target + " to " + country + (inForce ? "" : " (retired)");
        }
    }

    /** An approval as the reviewer gave it. */
    record Approval(
            String programme,
            BigDecimal amount,
            Map<String, Integer> lines,
            List<String> trainings,
            List<String> activityKinds,
            String reviewer,
            boolean partial) {
        int activities() {
            return trainings.size() + activityKinds.size();
        }
    }

    static final class Shipment {
        final UUID id;
        final String warehouse;
        String status;
        /** Item code to units, as shipped (lines removed at clearance are gone). */
        final Map<String, Integer> lines;
        /** Measures of the screening hits per item code, as equipment-service showed them. */
        final Map<String, String> hits;
        /** The hits it was held for or cleared of (rule:item:measure): only others stop its dispatch. */
        final Set<String> screenedFor = new java.util.HashSet<>();

        Shipment(UUID id, String warehouse, String status, Map<String, Integer> lines, Map<String, String> hits) {
            this.id = id;
            this.warehouse = warehouse;
            this.status = status;
            this.lines = lines;
            this.hits = hits;
        }

        boolean reserved() {
            return Set.of("PLANNED", "HELD", "CLEARED").contains(status);
        }

        boolean dispatched() {
            return Set.of("DISPATCHED", "IN_TRANSIT", "DELIVERED", "RECEIVED").contains(status);
        }

        boolean delivered() {
            return Set.of("DELIVERED", "RECEIVED").contains(status);
        }

        int units(String item) {
            return lines.getOrDefault(item, 0);
        }
    }

    static final class Backorder {
        final long id;
        /** How URLs name it: a random reference, never the number. */
        final String reference;

        final String item;
        int open;

        Backorder(long id, String reference, String item, int open) {
            this.id = id;
            this.reference = reference;
            this.item = item;
            this.open = open;
        }
    }

    static final class Activity {
        final UUID id;
        final String kind;
        String status = "PLANNED";

        Activity(UUID id, String kind) {
            this.id = id;
            this.kind = kind;
        }
    }

    /** Where a request is in its review, as program-service should show it. */
    enum Review {
        PENDING,
        INFORMATION_REQUESTED,
        AWAITING_SECOND_APPROVAL,
        APPROVED,
        REJECTED,
        WITHDRAWN
    }

    static final class Request {
        final UUID id;
        final int number;
        final String country;
        final String thematicArea;
        String priority;
        String title;
        int amendments;
        final Map<String, Integer> askedLines = new LinkedHashMap<>();
        final List<String> trainingTopics = new ArrayList<>();
        /** The status request-service shows before a decision: SUBMITTED, INFORMATION_REQUESTED or UNDER_REVIEW. */
        String reviewPhase = "SUBMITTED";

        Review review = Review.PENDING;
        Approval pendingApproval;
        Approval approval;
        boolean closed;
        /** The approval that waited for its second reviewer when the agency withdrew the request. */
        Approval withdrawnWhileAwaitingSecondApproval;
        /** The refusals already tried on it (each once). */
        final Set<String> refusalsTried = new java.util.HashSet<>();

        final Map<UUID, Shipment> shipments = new LinkedHashMap<>();
        final Map<Long, Backorder> backorders = new LinkedHashMap<>();
        final Map<UUID, Activity> activities = new LinkedHashMap<>();
        /** Units cancelled per item: shipments cancelled, lines removed at clearance, backorders cancelled. */
        final Map<String, Integer> cancelled = new LinkedHashMap<>();

        BigDecimal disbursed = BigDecimal.ZERO.setScale(2);
        /** The rule changes counted when equipment-service last planned shipments of it. */
        int ruleChangesAtPlanning;
        /** What must become visible in the services before the next move on this request. */
        final List<Expectation> expectations = new ArrayList<>();
        /** Set when a move on it failed: the model no longer knows it, no further moves are made on it. */
        String lost;

        final List<String> story = new ArrayList<>();

        Request(UUID id, int number, String country, String thematicArea, String priority, String title) {
            this.id = id;
            this.number = number;
            this.country = country;
            this.thematicArea = thematicArea;
            this.priority = priority;
            this.title = title;
        }

        boolean settled() {
            return expectations.isEmpty() && lost == null;
        }

        boolean undecided() {
            return review == Review.PENDING
                    || review == Review.INFORMATION_REQUESTED
                    || review == Review.AWAITING_SECOND_APPROVAL;
        }

        int askedUnits() {
            return askedLines.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Approved units of an item not yet in a live shipment, an open backorder or cancelled. */
        int unaccounted(String item) {
            int approved = approval == null ? 0 : approval.lines().getOrDefault(item, 0);
            int inShipments = shipments.values().stream()
                    .filter(s -> !s.status.equals("CANCELLED"))
                    .mapToInt(s -> s.units(item))
                    .sum();
            int waiting = backorders.values().stream()
                    .filter(b -> b.item.equals(item))
                    .mapToInt(b -> b.open)
                    .sum();
            return approved - inShipments - waiting - cancelled.getOrDefault(item, 0);
        }

        void cancel(String item, int units) {
            cancelled.merge(item, units, Integer::sum);
        }

        int delivered(String item) {
            return shipments.values().stream()
                    .filter(Shipment::delivered)
                    .mapToInt(s -> s.units(item))
                    .sum();
        }

        int dispatched(String item) {
            return shipments.values().stream()
                    .filter(Shipment::dispatched)
                    .mapToInt(s -> s.units(item))
                    .sum();
        }

        /** The status request-service should show, from the review and the deliverables' states. */
        String expectedStatus() {
            if (closed) {
                return "CLOSED";
            }
            switch (review) {
                case WITHDRAWN:
                    return "WITHDRAWN";
                case REJECTED:
                    return "REJECTED";
                case APPROVED:
                    break;
                default:
                    return reviewPhase;
            }
            boolean allDone = true;
            boolean anyDelivered = false;
            boolean anyStarted = false;
            for (Map.Entry<String, Integer> line : approval.lines().entrySet()) {
                int delivered = delivered(line.getKey());
                allDone &= delivered + cancelled.getOrDefault(line.getKey(), 0) == line.getValue();
                anyDelivered |= delivered > 0;
                anyStarted |= dispatched(line.getKey()) > 0;
            }
            for (Activity activity : activities.values()) {
                allDone &= !activity.status.equals("PLANNED");
                anyDelivered |= activity.status.equals("DELIVERED");
                anyStarted |= activity.status.equals("DELIVERED");
            }
            // the activities are known once program-service planned them (right after the approval)
            allDone &= activities.size() == approval.activities();
            if (allDone) {
                return anyDelivered ? "DELIVERED" : "CANCELLED";
            }
            if (anyStarted) {
                return "IN_DELIVERY";
            }
            return approval.partial() ? "PARTIALLY_APPROVED" : "APPROVED";
        }

        BigDecimal commitmentLeft() {
            return approval == null ? BigDecimal.ZERO : approval.amount().subtract(disbursed);
        }

        String describe() {
            return "request #%d %s (%s, %s, expected %s, review %s%s)"
                    .formatted(
                            number,
                            id,
                            country,
                            thematicArea,
                            expectedStatus(),
                            review,
                            lost == null ? "" : ", lost: " + lost);
        }
    }

    /** Something a move made the platform do asynchronously, to be seen before the request moves on. */
    interface Expectation {
        String what();

        /** Looks once; true when it can be seen. */
        boolean met() throws Exception;

        long since();
    }

    List<Request> live() {
        return requests.values().stream().filter(r -> r.lost == null).toList();
    }

    /** The hits the rules in force now make on a shipment's lines to a country: item code to the rules. */
    Map<String, List<ExportRule>> hitsNow(String country, Set<String> itemCodes) {
        Map<String, List<ExportRule>> hits = new LinkedHashMap<>();
        for (String code : itemCodes) {
            for (ExportRule rule : rules) {
                if (rule.hits(country, items.get(code))) {
                    hits.computeIfAbsent(code, k -> new ArrayList<>()).add(rule);
                }
            }
        }
        return hits;
    }

    int openBackorders(String item) {
        return live().stream()
                .flatMap(r -> r.backorders.values().stream())
                .filter(b -> b.item.equals(item))
                .mapToInt(b -> b.open)
                .sum();
    }
}
