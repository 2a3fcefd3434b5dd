package org.assistance.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Scenario 5: a donor's reporting feed pulls its whole IATI file (the activities the replay gave
 * it). Time to the last byte, and how much reporting-service's resident memory grew meanwhile
 * (sampled every 10 ms): a streamed feed should not grow with the number of activities.
 */
final class FeedScenario {
    private static final byte[] ACTIVITY_END = "</iati-activity>".getBytes(StandardCharsets.US_ASCII);
    private final Platform platform;
    private final int expectedActivities;

    FeedScenario(Platform platform, int expectedActivities) {
        this.platform = platform;
        this.expectedActivities = expectedActivities;
    }

    List<Figure> run() throws Exception {
        String donor = platform.token("donor", "--donor", SyntheticJourneys.FEED_DONOR);
        long pid = platform.pid("reporting-service");
        double rssBefore = Platform.rssMiB(pid);
        double[] rssPeak = {rssBefore};
        AtomicBoolean streaming = new AtomicBoolean(true);
        Thread sampler = new Thread(
                () -> {
                    while (streaming.get()) {
                        try {
                            rssPeak[0] = Math.max(rssPeak[0], Platform.rssMiB(pid));
                            Thread.sleep(10);
                        } catch (Exception e) {
                            return;
                        }
                    }
                },
                "rss-sampler");
        sampler.start();
        long begin = System.nanoTime();
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(Platform.url("reporting-service", "/api/v1/feeds/iati")))
                                .header("Authorization", "Bearer " + donor)
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        double firstByte = (System.nanoTime() - begin) / 1e6;
        long bytes = 0;
        long activities = 0;
        int matched = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[65536];
            for (int read; (read = body.read(buffer)) > 0; ) {
                bytes += read;
                for (int i = 0; i < read; i++) { // counts closing tags across buffer boundaries
                    matched = buffer[i] == ACTIVITY_END[matched] ? matched + 1 : (buffer[i] == ACTIVITY_END[0] ? 1 : 0);
                    if (matched == ACTIVITY_END.length) {
                        activities++;
                        matched = 0;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        streaming.set(false);
        sampler.join();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the IATI feed answered " + response.statusCode());
        }
        System.out.printf(
                "  feed: %d activities (%d expected), %.1f MB in %.2f s; reporting-service RSS %.0f -> peak %.0f MiB%n",
                activities, expectedActivities, bytes / 1e6, seconds, rssBefore, rssPeak[0]);
        return List.of(
                Figure.plain("5 feed", "IATI activities streamed", activities, "")
                        .withTarget(">= " + expectedActivities, activities >= expectedActivities),
                Figure.plain("5 feed", "time to first byte", firstByte, "ms"),
                Figure.plain("5 feed", "time to last byte", seconds, "s"),
                Figure.plain("5 feed", "size", bytes / 1e6, "MB"),
                Figure.plain("5 feed", "reporting-service RSS growth while streaming", rssPeak[0] - rssBefore, "MiB"));
    }
}
