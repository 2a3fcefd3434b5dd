package org.assistance.requestservice.webhooks;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A partner's endpoint on loopback (the JDK's HTTP server): records what it receives and answers
 * with the statuses it was told to, then 200. Signatures are checked with the Standard Webhooks
 * reference library (com.standardwebhooks), independent of the platform's signer.
 */
final class Receiver implements AutoCloseable {
    /** One request the endpoint received. */
    record Received(String path, Map<String, List<String>> headers, String body, int answered) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        /** Verified with the secret, as a partner's code would; throws if it does not verify. */
        void verify(String secret) throws Exception {
            new Webhook(secret).verify(body, headers);
        }

        /** Verified with the secret against one of the signatures alone. */
        void verifyOnly(String secret, String signature) throws Exception {
            new Webhook(secret)
                    .verify(
                            body,
                            Map.of(
                                    "webhook-id", List.of(header("webhook-id")),
                                    "webhook-timestamp", List.of(header("webhook-timestamp")),
                                    "webhook-signature", List.of(signature)));
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private volatile String redirectTo;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Integer planned = answers.poll();
            int status = planned == null ? 200 : planned;
            received.add(new Received(
                    exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body, status));
            if (status >= 300 && status < 400 && redirectTo != null) {
                exchange.getResponseHeaders().add("Location", redirectTo);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The next answers, in order (then 200). */
    Receiver answering(Integer... statuses) {
        answers.addAll(List.of(statuses));
        return this;
    }

    Receiver redirectingTo(String location) {
        this.redirectTo = location;
        return this;
    }

    String url() {
        return url("/hook");
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
