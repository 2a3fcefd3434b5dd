package org.assistance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A partner agency's endpoint on loopback receives the webhooks of its requests while they move
 * from submission to delivery under a steady load. The endpoint answers 500 at first, so
 * deliveries pile up in request-service's queue; request-service is killed -9 with them pending
 * (and some on the wire), started again, and the endpoint recovers. Then every request the
 * partner saw delivered was announced to the endpoint as delivered, every webhook it received
 * carries a signature the Standard Webhooks reference library accepts, and a webhook sent again
 * kept its webhook-id and its body.
 */
@Order(Order.DEFAULT + 3)
class WebhooksAcrossAKillIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void no_webhook_is_lost_when_request_service_dies_with_deliveries_pending() throws Exception {
        FaultPlatform platform = FaultPlatform.with(FaultPlatform.Topology.ONE_BROKER_TWO_REPORTERS);
        Receiver receiver = new Receiver();
        try (receiver;
                LoadGenerator load = new LoadGenerator(platform, "webhooks-kill", "UG", 3, 1)) {
            String partner = platform.token("partner", "--agency", load.agency);
            Http.Answer created = Http.send(
                    "POST", platform.url("request-service") + "/webhooks", partner, """
                    {"url":"%s","events":["*"],"description":"fault test receiver"}""".formatted(receiver.url()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode subscription = JSON.readTree(created.body());
            receiver.verifier = new Webhook(subscription.get("secret").asText());

            receiver.failing.set(true);
            load.start();
            Thread.sleep(20_000);
            int failedBeforeKill = receiver.refused.get();
            platform.kill("request-service");
            System.out.printf(
                    "[faults] WebhooksAcrossAKillIT: request-service killed -9 after %d webhooks answered 500, "
                            + "%d requests accepted%n",
                    failedBeforeKill, load.accepted.size());
            platform.start("request-service");
            Thread.sleep(5_000);
            receiver.failing.set(false);

            boolean drained = load.drain(LoadGenerator.DRAIN_DEADLINE);
            Set<UUID> announcedDelivered =
                    receiver.awaitAnnounced("shipment.delivered", load.delivered, Duration.ofSeconds(120));

            System.out.println("[faults] WebhooksAcrossAKillIT: " + load.summary());
            System.out.printf(
                    "[faults] WebhooksAcrossAKillIT: %d webhooks received (%d distinct ids, %d answered 500, "
                            + "%d sent again after an answer), %d bad signatures; %d of %d delivered requests "
                            + "announced as delivered%n",
                    receiver.received.size(),
                    receiver.bodies.size(),
                    receiver.refused.get(),
                    receiver.sentAgain(),
                    receiver.badSignatures.get(),
                    announcedDelivered.size(),
                    load.delivered.size());

            assertThat(drained)
                    .as("every accepted request delivered: " + load.summary())
                    .isTrue();
            assertThat(failedBeforeKill)
                    .as("webhooks pending (answered 500) when request-service was killed")
                    .isPositive();
            assertThat(receiver.badSignatures.get())
                    .as("webhooks whose signature the reference library refused")
                    .isZero();
            assertThat(receiver.changedOnRetry)
                    .as("webhook-ids sent again with another body")
                    .isEmpty();
            assertThat(receiver.sentAgain())
                    .as("webhooks sent again with the same webhook-id after a 500")
                    .isPositive();
            assertThat(load.delivered).as("requests delivered").isNotEmpty();
            assertThat(announcedDelivered)
                    .as("delivered requests the partner's endpoint was told of")
                    .containsExactlyInAnyOrderElementsOf(load.delivered);
        }
    }

    /** The partner's endpoint: checks each signature with the reference library, answers 500 while failing. */
    static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final AtomicBoolean failing = new AtomicBoolean();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger badSignatures = new AtomicInteger();
        /** Every call, in arrival order: its webhook-id. */
        final List<String> received = new CopyOnWriteArrayList<>();
        /** Each webhook-id's body. */
        final Map<String, String> bodies = new ConcurrentHashMap<>();
        /** Webhook-ids answered 2xx, with their payloads. */
        final Map<String, JsonNode> accepted = new ConcurrentHashMap<>();

        final Set<String> changedOnRetry = ConcurrentHashMap.newKeySet();
        volatile Webhook verifier;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hooks", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        private void handle(HttpExchange exchange) throws IOException {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            received.add(String.valueOf(id));
            String before = id == null ? null : bodies.putIfAbsent(id, body);
            if (before != null && !before.equals(body)) {
                changedOnRetry.add(id);
            }
            try {
                // the JDK's server capitalises header names; HTTP's are case-insensitive, the library's lookup is not
                Map<String, List<String>> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders()
                        .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
                verifier.verify(body, headers);
            } catch (Exception e) {
                badSignatures.incrementAndGet();
            }
            int status;
            if (failing.get()) {
                refused.incrementAndGet();
                status = 500;
            } else {
                accepted.put(String.valueOf(id), JSON.readTree(body));
                status = 204;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        }

        /** Webhook-ids that arrived more than once. */
        long sentAgain() {
            return received.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting())).values().stream()
                    .filter(n -> n > 1)
                    .count();
        }

        /** Waits until each of {@code requests} was announced with {@code type}; returns those that were. */
        Set<UUID> awaitAnnounced(String type, Set<UUID> requests, Duration atMost) throws InterruptedException {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (true) {
                Set<UUID> announced = accepted.values().stream()
                        .filter(payload -> type.equals(payload.path("type").asText()))
                        .map(payload -> UUID.fromString(
                                payload.path("data").path("requestId").asText()))
                        .collect(Collectors.toSet());
                if (announced.containsAll(requests) || System.nanoTime() > deadline) {
                    return announced;
                }
                Thread.sleep(500);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
