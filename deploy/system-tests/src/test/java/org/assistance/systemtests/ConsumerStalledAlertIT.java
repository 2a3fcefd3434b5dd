package org.assistance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Operators are alerted when a consumer stops: the platform runs with the launcher's Prometheus and the
 * real alert rules (deploy/observability/alerts.yml, their real `for` durations). Under a little load,
 * program-service (the one consumer of its group) is stopped; its group's lag, reported by the services
 * still running, grows while its committed position stays, and Prometheus' alerts API shows
 * ConsumerStalled for program-service on assistance.requests firing within a few minutes (and
 * InstanceNotReady for the stopped instance), neither of them firing before the stop.
 */
@Order(Order.DEFAULT + 1)
class ConsumerStalledAlertIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMETHEUS = "http://localhost:" + Launcher.TOPOLOGY.prometheusPort();

    @Test
    void a_consumer_stopped_under_load_is_alerted_as_stalled_within_a_few_minutes() throws Exception {
        FaultPlatform platform = FaultPlatform.with(FaultPlatform.Topology.ONE_BROKER_TWO_REPORTERS);
        try (LoadGenerator load = new LoadGenerator(platform, "stalled-alert", "KH", 2, 1).start()) {
            // before: Prometheus reads program-service's lag (from the other services too) and the broker's own
            // metrics (the JMX exporter agent on its JVM, job kafka), and nothing alerts; awaited, as an earlier
            // fault test may have stopped a service or the broker a moment ago
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            while (!(reported("assistance_consumer_lag{group=\"program-service\",topic=\"assistance.requests\"}")
                    && reported("up{job=\"kafka\"} == 1")
                    && alerts("ConsumerStalled", "group", "program-service").isEmpty()
                    && alerts("InstanceNotReady", "job", "program-service").isEmpty())) {
                assertThat(System.nanoTime())
                        .as(
                                "program-service's lag and the broker's metrics scraped, no alert, before the stop: %s",
                                alertsNow())
                        .isLessThan(deadline);
                Thread.sleep(2_000);
            }
            assertThat(reported("{job=\"kafka\",__name__=~\"kafka_server_.+\"}"))
                    .as("Kafka's MBeans among them")
                    .isTrue();
            Thread.sleep(20_000);
            assertThat(alerts("ConsumerStalled", "group", "program-service"))
                    .as("ConsumerStalled for program-service while it reads")
                    .isEmpty();

            platform.stop("program-service");
            long stopped = System.nanoTime();
            List<JsonNode> stalled = List.of();
            while (stalled.isEmpty()) {
                assertThat(System.nanoTime() - stopped)
                        .as("ConsumerStalled firing for program-service within 4 minutes of its stop: %s", alertsNow())
                        .isLessThan(Duration.ofMinutes(4).toNanos());
                Thread.sleep(2_000);
                stalled = firing(alerts("ConsumerStalled", "group", "program-service"));
            }
            double firedAfter = (System.nanoTime() - stopped) / 1e9;
            List<JsonNode> notReady = firing(alerts("InstanceNotReady", "job", "program-service"));
            System.out.printf(
                    "[faults] ConsumerStalledAlertIT: program-service stopped; ConsumerStalled firing %.0f s later: %s%n",
                    firedAfter, stalled);

            platform.start("program-service");
            boolean drained = load.drain(Duration.ofSeconds(120));

            assertThat(stalled)
                    .extracting(alert -> alert.path("labels").path("topic").asText())
                    .contains("assistance.requests");
            assertThat(stalled.get(0).path("annotations").path("runbook_url").asText())
                    .isEqualTo("docs/operations.md#consumer-stalled");
            assertThat(notReady)
                    .as("InstanceNotReady for the stopped program-service")
                    .extracting(alert -> alert.path("labels").path("instance").asText())
                    .containsExactly("program-service");
            assertThat(drained)
                    .as("every accepted request delivered once program-service is back: " + load.summary())
                    .isTrue();
        }
    }

    /** Whether Prometheus holds a sample of the series now. */
    private static boolean reported(String selector) throws Exception {
        Http.Answer answer = Http.get(
                PROMETHEUS + "/api/v1/query?query=" + URLEncoder.encode(selector, StandardCharsets.UTF_8), null);
        return answer.status() == 200
                && JSON.readTree(answer.body()).path("data").path("result").size() > 0;
    }

    /** The alerts of that name (pending or firing) whose label has that value. */
    private static List<JsonNode> alerts(String name, String label, String value) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode alert : alertsNow().path("data").path("alerts")) {
            if (alert.path("labels").path("alertname").asText().equals(name)
                    && alert.path("labels").path(label).asText().equals(value)) {
                found.add(alert);
            }
        }
        return found;
    }

    private static List<JsonNode> firing(List<JsonNode> alerts) {
        return alerts.stream()
                .filter(alert -> alert.path("state").asText().equals("firing"))
                .toList();
    }

    private static JsonNode alertsNow() throws Exception {
        Http.Answer answer = Http.get(PROMETHEUS + "/api/v1/alerts", null);
        assertThat(answer.status()).as("Prometheus' alerts API").isEqualTo(200);
        return JSON.readTree(answer.body());
    }
}
