package org.assistance.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady load through the public APIs, as users make it: partner agencies submit equipment
 * requests at a steady pace; a reviewer approves what waits in the review queue; logistics
 * dispatches and delivers the planned shipments. A submission that gets no answer (or a 5xx) is
 * sent again with the same Idempotency-Key, as a careful client would, so every submission ends
 * accepted or refused. It remembers what the platform accepted, for the read models to be checked
 * against.
 */
final class LoadGenerator implements AutoCloseable {
    static final String ITEM = "FLT-KIT";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long the staff may take to deliver what was accepted once the submissions stop, at most.
     * After an outage or a kill the backlog is hundreds of requests, each three staff calls on a
     * platform of six JVMs sharing two cores with the broker, so its time grows with the backlog
     * (CI ran 2 s past a fixed 120 s, then here 1.5 s past 180 s with 864 requests, every one
     * delivered in the end); a drain cut short leaves the read models mid-flight, so it gets ten
     * minutes, which a stuck platform still fails.
     */
    static final Duration DRAIN_DEADLINE = Duration.ofSeconds(600);

    final String agency;
    final String country;
    private final FaultPlatform platform;
    private final double submissionsPerSecond;
    private final int partners;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ExecutorService threads;
    private volatile boolean submitting = true;
    private volatile boolean running = true;
    /** Whether the reviewer and logistics still make changes (stopStaff); the partners go on submitting. */
    private volatile boolean staffWorking = true;
    /** Held (shared) by each staff change under way, so stopStaff can wait for the last one. */
    private final java.util.concurrent.locks.ReadWriteLock staffChanges =
            new java.util.concurrent.locks.ReentrantReadWriteLock();

    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();
    final AtomicInteger unanswered = new AtomicInteger();
    final AtomicInteger answered5xx = new AtomicInteger();
    final AtomicInteger refusedConnections = new AtomicInteger();
    final AtomicInteger cutOff = new AtomicInteger();
    /** Submissions sent and not answered yet. */
    final AtomicInteger inFlight = new AtomicInteger();
    /** Idempotency-Keys of the submissions whose HTTP call is under way at this moment. */
    final Set<String> underway = ConcurrentHashMap.newKeySet();
    /** Idempotency-Keys of submissions one call of which got no answer (the service died, or it timed out), with their titles. */
    final Map<String, String> cutOffKeys = new ConcurrentHashMap<>();
    /** The request each accepted submission created, by Idempotency-Key. */
    final Map<String, UUID> acceptedKeys = new ConcurrentHashMap<>();
    /** Idempotency-Keys whose acceptance was a replay: the platform had committed an earlier call of it. */
    final Set<String> replayedKeys = ConcurrentHashMap.newKeySet();

    private volatile String partnerToken;
    private final ExecutorService bursts = Executors.newCachedThreadPool();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger replayed = new AtomicInteger();
    final AtomicInteger staffCallsFailed = new AtomicInteger();
    /** The staff's calls and their time, to tell a slow platform from a stuck one when a drain runs late. */
    private final AtomicInteger staffCalls = new AtomicInteger();

    private final AtomicLong staffCallNanos = new AtomicLong();
    private final AtomicLong slowestStaffCallNanos = new AtomicLong();
    /** Accepted request ids, with when the platform accepted them (System.nanoTime). */
    final Map<UUID, Long> accepted = new ConcurrentHashMap<>();

    final Set<UUID> approved = ConcurrentHashMap.newKeySet();
    final Set<UUID> dispatched = ConcurrentHashMap.newKeySet();
    final Set<UUID> delivered = ConcurrentHashMap.newKeySet();
    private volatile double drainSeconds;

    /**
     * @param scenario names the agency (agency-SCENARIO) so the scenario's records are told apart
     * @param country  the requests' country, so the dashboard can be read for this scenario only
     * @param partners submitting threads (each keeps the pace of submissionsPerSecond / partners)
     */
    LoadGenerator(FaultPlatform platform, String scenario, String country, double submissionsPerSecond, int partners) {
        // the model-based test compares each of its countries' dashboard with request-service on the same shared
        // platform: a load in one of them counted there too (ConsumerStalledAlertIT's load in PE once did)
        if (PartnerMoves.COUNTRIES.contains(country)) {
            throw new IllegalArgumentException(
                    country + " is one of the model's countries " + PartnerMoves.COUNTRIES + "; give the load another");
        }
        this.platform = platform;
        this.agency = "agency-" + scenario;
        this.country = country;
        this.submissionsPerSecond = submissionsPerSecond;
        this.partners = partners;
        this.threads = Executors.newFixedThreadPool(partners + 3);
    }

    LoadGenerator start() throws Exception {
        String partner = platform.token("partner", "--agency", agency);
        partnerToken = partner;
        String reviewer = platform.token("reviewer", "--subject", "reviewer-faults");
        String logistics = platform.token("logistics");
        for (int i = 0; i < partners; i++) {
            threads.submit(() -> submitSteadily(partner));
        }
        threads.submit(() -> approveWhatWaits(reviewer));
        threads.submit(() -> dispatchWhatIsPlanned(logistics));
        threads.submit(() -> deliverWhatIsDispatched(logistics));
        return this;
    }

    /** Several submissions at once, beside the steady pace: a moment when some are surely under way. */
    void burst(int submissions) {
        for (int i = 0; i < submissions; i++) {
            bursts.submit(() -> submitOne(partnerToken));
        }
    }

    void stopSubmitting() {
        submitting = false;
    }

    /**
     * The reviewer and logistics make no more changes (the partners go on submitting); returns once
     * none of theirs is under way, so what they did is all committed.
     */
    void stopStaff() {
        staffWorking = false;
        staffChanges.writeLock().lock();
        staffChanges.writeLock().unlock();
    }

    /** Stops the submissions, then lets the staff work until every accepted request is delivered. */
    boolean drain(Duration atMost) throws InterruptedException {
        stopSubmitting();
        long started = System.nanoTime();
        try {
            return drainUntil(started + atMost.toNanos());
        } finally {
            drainSeconds = (System.nanoTime() - started) / 1e9;
        }
    }

    private boolean drainUntil(long deadline) throws InterruptedException {
        long lookAtStragglers = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (sent.get() == accepted.size() + refused.get() + unanswered.get()
                    && delivered.containsAll(accepted.keySet())) {
                return true;
            }
            if (System.nanoTime() > lookAtStragglers) {
                lookAtStragglers = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                findDeliveriesWhoseAnswerWasLost();
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** A delivery recorded by a service killed before it answered is still a delivery. */
    private void findDeliveriesWhoseAnswerWasLost() {
        try {
            String logistics = platform.token("logistics");
            for (UUID id : accepted.keySet()) {
                if (!delivered.contains(id)) {
                    for (JsonNode shipment :
                            list(platform.url("equipment-service") + "/shipments?requestId=" + id, logistics)) {
                        if ("DELIVERED".equals(shipment.path("status").asText())) {
                            delivered.add(id);
                        }
                    }
                }
            }
        } catch (Exception e) {
            staffCallsFailed.incrementAndGet();
        }
    }

    int acceptedBetween(long fromNanos, long toNanos) {
        return (int) accepted.values().stream()
                .filter(t -> t >= fromNanos && t <= toNanos)
                .count();
    }

    String summary() {
        return ("sent %d (%d HTTP attempts: %d connections refused, %d cut off before an answer, %d answered 5xx, "
                        + "all sent again with their Idempotency-Key), accepted %d (%d of them replayed), refused %d, never "
                        + "answered %d; approved %d, dispatched %d, delivered %d (the last %.1f s after the submissions stopped); "
                        + "staff calls %d (%d failed), %.0f ms on average, the slowest %.0f ms")
                .formatted(
                        sent.get(),
                        attempts.get(),
                        refusedConnections.get(),
                        cutOff.get(),
                        answered5xx.get(),
                        accepted.size(),
                        replayed.get(),
                        refused.get(),
                        unanswered.get(),
                        approved.size(),
                        dispatched.size(),
                        delivered.size(),
                        drainSeconds,
                        staffCalls.get(),
                        staffCallsFailed.get(),
                        staffCalls.get() == 0 ? 0.0 : staffCallNanos.get() / 1e6 / staffCalls.get(),
                        slowestStaffCallNanos.get() / 1e6);
    }

    @Override
    public void close() throws InterruptedException {
        submitting = false;
        running = false;
        threads.shutdown();
        bursts.shutdown();
        if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
        if (!bursts.awaitTermination(30, TimeUnit.SECONDS)) {
            bursts.shutdownNow();
        }
    }

    private void submitSteadily(String partner) {
        long pauseNanos = (long) (1e9 * partners / submissionsPerSecond);
        long next = System.nanoTime();
        while (submitting) {
            submitOne(partner);
            next += pauseNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleep(wait / 1_000_000);
            } else {
                next = System.nanoTime(); // fell behind (the platform was slow): keep the pace from now on
            }
        }
    }

    /** One submission, sent again with the same key until it is answered (for at most two minutes). */
    private void submitOne(String partner) {
        String key = UUID.randomUUID().toString();
        int number = sent.incrementAndGet();
        // unique over runs on the same databases, so the requests a submission created can be counted by it
        String title = "Fault test request %d (%s)".formatted(number, key.substring(0, 8));
        String body = """
                {"country":"%s","requestingAuthority":{"name":"Fault test authority","kind":"POLICE"},
                 "thematicArea":"CYBERCRIME","assistanceTypes":["EQUIPMENT"],"priority":"MEDIUM",
                 "title":"%s","needsStatement":"Generated by the fault tests.",
                 "desiredBy":"%s","equipmentLines":[{"itemCode":"%s","quantity":1,"justification":"fault test"}]}""".formatted(country, title, LocalDate.now().plusMonths(6), ITEM);
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < giveUp && running) {
            attempts.incrementAndGet();
            inFlight.incrementAndGet();
            underway.add(key);
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(platform.url("request-service") + "/requests"))
                                .timeout(CALL_TIMEOUT)
                                .header("Authorization", "Bearer " + partner)
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 201) {
                    UUID id = UUID.fromString(
                            JSON.readTree(answer.body()).get("id").asText());
                    accepted.putIfAbsent(id, System.nanoTime());
                    acceptedKeys.put(key, id);
                    if (answer.headers().firstValue("Idempotent-Replayed").isPresent()) {
                        replayed.incrementAndGet();
                        replayedKeys.add(key);
                    }
                    return;
                }
                if (answer.statusCode() < 500 && answer.statusCode() != 409) {
                    refused.incrementAndGet();
                    System.out.println("[load] submission refused: " + answer.statusCode() + " " + answer.body());
                    return;
                }
                answered5xx.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.net.ConnectException e) {
                refusedConnections.incrementAndGet(); // the service is down: send it again
            } catch (Exception e) {
                cutOff.incrementAndGet(); // sent, but the service died (or timed out) before answering: send it again
                cutOffKeys.put(key, title);
            } finally {
                underway.remove(key);
                inFlight.decrementAndGet();
            }
            sleep(500);
        }
        unanswered.incrementAndGet();
    }

    /**
     * The reviewer approves what waits in the review queue. The reviewer and the two logistics
     * officers below work side by side, as people do, so a backlog left by an outage drains at the
     * pace of the slowest of them, not of their three calls in a row.
     */
    private void approveWhatWaits(String reviewer) {
        String programs = platform.url("program-service");
        keepWorking(() -> {
            for (JsonNode review : list(programs + "/reviews?status=PENDING&limit=100", reviewer)) {
                if (ours(review)
                        && post(
                                programs + "/reviews/" + review.get("requestId").asText() + "/decision",
                                reviewer,
                                """
                                {"decision":"APPROVE","programmeCode":"FAULTS","approvedAmount":{"amount":"100.00","currency":"USD"},
                                 "equipmentLines":[{"itemCode":"%s","quantity":1}]}""".formatted(ITEM))) {
                    approved.add(UUID.fromString(review.get("requestId").asText()));
                }
            }
        });
    }

    /** Logistics dispatches the planned shipments. */
    private void dispatchWhatIsPlanned(String logistics) {
        String equipment = platform.url("equipment-service");
        keepWorking(() -> {
            for (JsonNode shipment : list(equipment + "/shipments?status=PLANNED&limit=100", logistics)) {
                if (ours(shipment)
                        && post(
                                equipment + "/shipments/" + shipment.get("id").asText() + "/dispatch",
                                logistics,
                                """
                                {"mode":"AIR","carrier":"Fault test carrier","trackingReference":"FT-%s","expectedDelivery":"%s","units":%s}""".formatted(
                                                shipment.get("id").asText().substring(0, 8),
                                                LocalDate.now().plusDays(10),
                                                JSON.writeValueAsString(SerialNumbers.units(shipment))))) {
                    dispatched.add(UUID.fromString(shipment.get("requestId").asText()));
                }
            }
        });
    }

    /** Logistics records the delivery of what was dispatched. */
    private void deliverWhatIsDispatched(String logistics) {
        String equipment = platform.url("equipment-service");
        keepWorking(() -> {
            for (JsonNode shipment : list(equipment + "/shipments?status=DISPATCHED&limit=100", logistics)) {
                if (ours(shipment)
                        && post(
                                equipment + "/shipments/" + shipment.get("id").asText() + "/delivery",
                                logistics,
                                "{\"deliveredAt\":\"" + OffsetDateTime.now().minusSeconds(1) + "\"}")) {
                    delivered.add(UUID.fromString(shipment.get("requestId").asText()));
                }
            }
        });
    }

    private interface StaffRound {
        void work() throws Exception;
    }

    private void keepWorking(StaffRound round) {
        while (running) {
            try {
                round.work();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                staffCallsFailed.incrementAndGet(); // a service is away: look again in a moment
            }
            sleep(300);
        }
    }

    private boolean ours(JsonNode record) {
        return agency.equals(record.path("agencyId").asText());
    }

    private List<JsonNode> list(String url, String token) throws Exception {
        HttpResponse<String> answer = timedStaffCall(HttpRequest.newBuilder(URI.create(url))
                .timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
        List<JsonNode> found = new ArrayList<>();
        if (answer.statusCode() == 200) {
            JsonNode page = JSON.readTree(answer.body());
            (page.has("items") ? page.get("items") : page).forEach(found::add);
        } else {
            staffCallsFailed.incrementAndGet();
        }
        return found;
    }

    private boolean post(String url, String token, String json) throws Exception {
        staffChanges.readLock().lock();
        try {
            if (!staffWorking) {
                return false;
            }
            HttpResponse<String> answer = timedStaffCall(HttpRequest.newBuilder(URI.create(url))
                    .timeout(CALL_TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build());
            if (answer.statusCode() / 100 != 2) {
                staffCallsFailed.incrementAndGet();
            }
            return answer.statusCode() / 100 == 2;
        } finally {
            staffChanges.readLock().unlock();
        }
    }

    private HttpResponse<String> timedStaffCall(HttpRequest call) throws Exception {
        long started = System.nanoTime();
        try {
            return http.send(call, HttpResponse.BodyHandlers.ofString());
        } finally {
            long took = System.nanoTime() - started;
            staffCalls.incrementAndGet();
            staffCallNanos.addAndGet(took);
            slowestStaffCallNanos.accumulateAndGet(took, Math::max);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
