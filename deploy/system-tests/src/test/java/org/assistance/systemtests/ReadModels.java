package org.assistance.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What every read model of the platform shows of the requests a load generator had accepted,
 * compared with what it did: each accepted request must be in each read model exactly once, with
 * each step of its journey exactly once; nothing else of its agency may be there.
 */
final class ReadModels {
    static final List<String> HISTORY = List.of("SUBMITTED", "APPROVED", "IN_DELIVERY", "DELIVERED");
    static final List<String> TIMELINE = List.of(
            "assistance.request.submitted.v1",
            "assistance.funds.committed.v1",
            "assistance.review.approved.v1",
            "assistance.shipment.planned.v1",
            "assistance.shipment.dispatched.v1",
            "assistance.shipment.delivered.v1",
            "assistance.request.delivery-started.v1",
            "assistance.request.delivered.v1");

    /** One read model: of the expected requests, how many it shows whole, lost (missing or incomplete), duplicated. */
    record Count(String readModel, int expected, int found, int lost, int duplicated, int unexpected) {
        boolean exact() {
            return found == expected && lost == 0 && duplicated == 0 && unexpected == 0;
        }

        @Override
        public String toString() {
            return "%-45s expected %4d, found %4d, lost %d, duplicated %d, unexpected %d"
                    .formatted(readModel, expected, found, lost, duplicated, unexpected);
        }
    }

    record Report(List<Count> counts, double secondsToConverge) {
        boolean exact() {
            return counts.stream().allMatch(Count::exact);
        }

        int lost() {
            return counts.stream().mapToInt(Count::lost).max().orElse(0);
        }

        int duplicated() {
            return counts.stream().mapToInt(Count::duplicated).max().orElse(0);
        }

        void print(String scenario) {
            System.out.printf(
                    "[faults] %s: read models %s after %.1f s%n",
                    scenario, exact() ? "exact" : "NOT exact", secondsToConverge);
            counts.forEach(c -> System.out.println("[faults]   " + c));
        }
    }

    private final FaultPlatform platform;
    private final LoadGenerator load;
    private final Set<UUID> expected;
    private final String partner;
    private final String staff;

    private ReadModels(FaultPlatform platform, LoadGenerator load) throws Exception {
        this.platform = platform;
        this.load = load;
        this.expected = new HashSet<>(load.accepted.keySet());
        this.partner = platform.token("partner", "--agency", load.agency);
        this.staff = platform.token("operations");
    }

    /** Waits until every read model shows the accepted requests exactly, or the time is up; answers the counts. */
    static Report awaitExact(FaultPlatform platform, LoadGenerator load, String reportingInstance, Duration atMost)
            throws Exception {
        return new ReadModels(platform, load).await(reportingInstance, atMost);
    }

    private Report await(String reportingInstance, Duration atMost) throws Exception {
        long started = System.nanoTime();
        long deadline = started + atMost.toNanos();
        // the lists first (cheap), then every request's history and timeline (one call each)
        List<Count> counts = lists(reportingInstance);
        while (!counts.stream().allMatch(Count::exact) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            counts = lists(reportingInstance);
        }
        Map<UUID, int[]> histories = new HashMap<>();
        Map<UUID, int[]> timelines = new HashMap<>();
        Set<UUID> toLookAt = new HashSet<>(expected);
        while (true) {
            for (UUID id : toLookAt) {
                histories.put(id, compare(HISTORY, history(id)));
                timelines.put(id, compare(TIMELINE, timeline(reportingInstance, id)));
            }
            toLookAt.clear();
            for (UUID id : expected) {
                if (histories.get(id)[0]
                                + histories.get(id)[1]
                                + timelines.get(id)[0]
                                + timelines.get(id)[1]
                        > 0) {
                    toLookAt.add(id);
                }
            }
            if (toLookAt.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(1000);
            counts = lists(reportingInstance);
        }
        List<Count> all = new ArrayList<>(counts);
        all.add(1, perRequest("request-service: each request's status history", histories));
        all.add(perRequest("reporting-service: each request's timeline", timelines));
        return new Report(all, (System.nanoTime() - started) / 1e9);
    }

    private Count perRequest(String name, Map<UUID, int[]> differences) {
        int lost = 0;
        int duplicated = 0;
        for (int[] d : differences.values()) {
            lost += d[0] > 0 ? 1 : 0;
            duplicated += d[1] > 0 ? 1 : 0;
        }
        int whole = (int) differences.values().stream()
                .filter(d -> d[0] == 0 && d[1] == 0)
                .count();
        return new Count(name, expected.size(), whole, lost, duplicated, 0);
    }

    /** [steps missing, steps more than once] of what was expected. */
    private static int[] compare(List<String> expectedSteps, List<String> actual) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        actual.forEach(step -> seen.merge(step, 1, Integer::sum));
        int missing = 0;
        int extra = 0;
        for (String step : expectedSteps) {
            int n = seen.getOrDefault(step, 0);
            missing += n == 0 ? 1 : 0;
            extra += Math.max(0, n - 1);
        }
        for (Map.Entry<String, Integer> step : seen.entrySet()) {
            if (!expectedSteps.contains(step.getKey())) {
                extra += step.getValue();
            }
        }
        return new int[] {missing, extra};
    }

    private List<Count> lists(String reportingInstance) throws Exception {
        List<Count> counts = new ArrayList<>();
        // request-service: the agency's requests and their status
        Map<UUID, Integer> requests = new HashMap<>();
        Set<UUID> delivered = new HashSet<>();
        for (JsonNode request : pages(platform.url("request-service") + "/requests?limit=100", partner)) {
            UUID id = UUID.fromString(request.get("id").asText());
            requests.merge(id, 1, Integer::sum);
            if (request.get("status").asText().equals("DELIVERED")) {
                delivered.add(id);
            }
        }
        counts.add(count("request-service: requests DELIVERED", requests, delivered));
        // program-service: the review queue, every case approved once
        Map<UUID, Integer> reviews = new HashMap<>();
        for (JsonNode review : pages(platform.url("program-service") + "/reviews?status=APPROVED&limit=100", staff)) {
            if (load.agency.equals(review.get("agencyId").asText())) {
                reviews.merge(UUID.fromString(review.get("requestId").asText()), 1, Integer::sum);
            }
        }
        counts.add(count("program-service: review cases APPROVED", reviews, reviews.keySet()));
        // equipment-service: one delivered shipment per request (pages of 200: following its Link header is tested too)
        Map<UUID, Integer> shipments = new HashMap<>();
        String logistics = platform.token("logistics");
        for (JsonNode shipment :
                pages(platform.url("equipment-service") + "/shipments?status=DELIVERED&limit=200", logistics)) {
            if (load.agency.equals(shipment.get("agencyId").asText())) {
                shipments.merge(UUID.fromString(shipment.get("requestId").asText()), 1, Integer::sum);
            }
        }
        counts.add(count("equipment-service: shipments DELIVERED", shipments, shipments.keySet()));
        // reporting-service: the dashboard of the scenario's country
        JsonNode kpis = FaultPlatform.json(
                Http.get(platform.url(reportingInstance) + "/dashboard?country=" + load.country, staff));
        int n = expected.size();
        int total = kpis.get("requests").asInt();
        int deliveredOnDashboard = kpis.path("delivery").path("delivered").asInt();
        int shipped = kpis.path("shipments").path("total").asInt();
        counts.add(new Count(
                "reporting-service: dashboard requests",
                n,
                Math.min(total, n),
                Math.max(0, n - total),
                Math.max(0, total - n),
                0));
        counts.add(new Count(
                "reporting-service: dashboard DELIVERED",
                n,
                Math.min(deliveredOnDashboard, n),
                Math.max(0, n - deliveredOnDashboard),
                Math.max(0, deliveredOnDashboard - n),
                0));
        counts.add(new Count(
                "reporting-service: dashboard shipments",
                n,
                Math.min(shipped, n),
                Math.max(0, n - shipped),
                Math.max(0, shipped - n),
                0));
        return counts;
    }

    private Count count(String name, Map<UUID, Integer> occurrences, Set<UUID> complete) {
        int found = 0;
        int lost = 0;
        int duplicated = 0;
        for (UUID id : expected) {
            int n = occurrences.getOrDefault(id, 0);
            if (n == 0 || !complete.contains(id)) {
                lost++;
            } else {
                found++;
            }
            duplicated += n > 1 ? 1 : 0;
        }
        int unexpected = (int) occurrences.keySet().stream()
                .filter(id -> !expected.contains(id))
                .count();
        return new Count(name, expected.size(), found, lost, duplicated, unexpected);
    }

    private List<String> history(UUID id) throws Exception {
        Http.Answer answer = Http.get(platform.url("request-service") + "/requests/" + id + "/history", partner);
        List<String> steps = new ArrayList<>();
        if (answer.status() == 200) {
            FaultPlatform.json(answer)
                    .forEach(change -> steps.add(change.get("to").asText()));
        }
        return steps;
    }

    private List<String> timeline(String reportingInstance, UUID id) throws Exception {
        Http.Answer answer = Http.get(platform.url(reportingInstance) + "/requests/" + id + "/timeline", partner);
        List<String> steps = new ArrayList<>();
        if (answer.status() == 200) {
            Set<String> eventIds = new HashSet<>();
            for (JsonNode entry : FaultPlatform.json(answer)) {
                // the same event twice (one id) is a duplicate; two events of one type are too
                steps.add(
                        eventIds.add(entry.get("eventId").asText())
                                ? entry.get("type").asText()
                                : "duplicate event");
            }
        }
        return steps;
    }

    /** Every item of a paged (items/next) or plain array answer. */
    private static List<JsonNode> pages(String url, String token) throws Exception {
        return Http.all(url, token);
    }
}
