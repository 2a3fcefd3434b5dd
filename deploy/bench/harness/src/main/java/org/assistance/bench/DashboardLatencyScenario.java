package org.assistance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Scenario 2: submissions at a steady rate; for each, the time from its 201 to its event arriving
 * on the dashboard's live stream. reporting-service pushes an event only after the transaction
 * that put it into the read models committed, so arrival means "visible on the dashboard".
 */
final class DashboardLatencyScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Platform platform;
    private final int requests;
    private final int perSecond;

    DashboardLatencyScenario(Platform platform, int requests, int perSecond) {
        this.platform = platform;
        this.requests = requests;
        this.perSecond = perSecond;
    }

    List<Figure> run() throws Exception {
        Submissions submissions = new Submissions(platform.token("partner", "--agency", "agency-bench-latency"));
        String operations = platform.token("operations", "--subject", "bench-dashboard");
        Map<String, Long> answered = new ConcurrentHashMap<>();
        Map<String, Long> shown = new ConcurrentHashMap<>();
        HttpClient client = HttpClient.newHttpClient();
        var stream = client.sendAsync(
                HttpRequest.newBuilder(URI.create(Platform.url("reporting-service", "/api/v1/dashboard/stream")))
                        .header("Authorization", "Bearer " + operations)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(30, TimeUnit.SECONDS);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the dashboard stream answered " + response.statusCode());
        }
        Thread reader = new Thread(
                () -> {
                    try {
                        readEvents(response.body(), shown);
                    } catch (java.io.UncheckedIOException closed) {
                        // the scenario closed the stream
                    }
                },
                "dashboard-stream");
        reader.setDaemon(true);
        reader.start();

        long interval = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        int errors = 0;
        int warmUp = perSecond * 5; // five seconds at the same rate, not counted: the JIT of five JVMs settles
        for (int i = -warmUp; i < requests; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next += interval;
            HttpResponse<String> answer = submissions.submit();
            long at = System.nanoTime();
            if (i < 0) {
                continue;
            }
            if (answer.statusCode() == 201) {
                answered.put(JSON.readTree(answer.body()).path("id").asText(), at);
            } else {
                if (errors++ == 0) {
                    System.out.printf(
                            "  dashboard latency: a submission answered %d: %.300s%n",
                            answer.statusCode(), answer.body());
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!shown.keySet().containsAll(answered.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long[] latencies = answered.entrySet().stream()
                .filter(e -> shown.containsKey(e.getKey()))
                .mapToLong(e -> Math.max(0, shown.get(e.getKey()) - e.getValue()))
                .toArray();
        long missing = answered.size() - latencies.length;
        Percentiles p = new Percentiles(latencies);
        System.out.printf(
                "  dashboard latency: %d submitted at %d/s, %d shown, %d never shown, %d errors%n",
                answered.size(), perSecond, latencies.length, missing, errors);
        response.body().close();
        return List.of(
                Figure.plain(
                        "2 event->dashboard",
                        "p50 (" + latencies.length + " requests at " + perSecond + "/s)",
                        p.millis(50),
                        "ms"),
                Figure.plain("2 event->dashboard", "p99", p.millis(99), "ms")
                        .withTarget("<= 250 ms", p.millis(99) <= 250),
                Figure.plain("2 event->dashboard", "max", p.millis(100), "ms"),
                Figure.plain("2 event->dashboard", "never shown within 30 s", missing, "")
                        .withTarget("0", missing == 0));
    }

    /** Notes when each submitted request first appears on the stream. */
    private static void readEvents(Stream<String> lines, Map<String, Long> shown) {
        lines.forEach(line -> {
            if (line.startsWith("data:")) {
                long now = System.nanoTime();
                try {
                    JsonNode event = JSON.readTree(line.substring(5));
                    if (event.path("type").asText().equals("assistance.request.submitted.v1")) {
                        shown.putIfAbsent(event.path("requestId").asText(), now);
                    }
                } catch (Exception ignored) {
                    // a line that is not an event of ours
                }
            }
        });
    }
}
