package org.assistance.reportingservice.dashboard;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assistance.testsupport.Tokens;

/**
 * The dashboard's live stream as a browser reads it, each line noted with the moment it arrived.
 * {@link #open} returns once the stream is proven open: a change announced on the database has
 * come through it (no fixed wait that a slow machine might outlast).
 */
final class LiveStream implements AutoCloseable {
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final HttpResponse<Stream<String>> response;

    private LiveStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(
                () -> {
                    try {
                        response.body().forEach(line -> arrivals.put(line, System.nanoTime()));
                    } catch (RuntimeException closed) {
                        // the test closed the stream
                    }
                },
                "live-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static LiveStream open(URL stream, String databaseUrl, String user, String password) throws Exception {
        return open(stream, databaseUrl, user, password, "en");
    }

    /** The stream as a browser reading {@code language} reads it. */
    static LiveStream open(URL stream, String databaseUrl, String user, String password, String language)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Authorization", "Bearer " + Tokens.role("operations"))
                .header("Accept", "text/event-stream")
                .header("Accept-Language", language)
                .build();
        LiveStream live = new LiveStream(HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS));
        String probe = "Is the stream open? " + UUID.randomUUID();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (live.arrivalOf(probe) == null) {
            if (System.nanoTime() > deadline) {
                live.close();
                throw new AssertionError("the live stream never delivered a change announced on the database");
            }
            announce(databaseUrl, user, password, "{\"type\":\"probe\",\"summary\":\"" + probe + "\"}");
            Thread.sleep(100);
        }
        return live;
    }

    /** A change announced on the database, as any reporting instance announces one. */
    static void announce(String databaseUrl, String user, String password, String payload) throws Exception {
        try (Connection other = DriverManager.getConnection(databaseUrl, user, password);
                PreparedStatement notify = other.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, DashboardStream.CHANNEL);
            notify.setString(2, payload);
            notify.execute();
        }
    }

    /** When a line containing {@code text} arrived ({@link System#nanoTime}), null if none has. */
    Long arrivalOf(String text) {
        return arrivals.entrySet().stream()
                .filter(e -> e.getKey().contains(text))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /** The line containing {@code text}, null if none has arrived. */
    String lineWith(String text) {
        return arrivals.keySet().stream()
                .filter(line -> line.contains(text))
                .findFirst()
                .orElse(null);
    }

    @Override
    public void close() {
        response.body().close();
    }
}
