package org.assistance.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 5: a donor's reporting feed pulls its whole IATI file (the activities the replay gave
 * it). Time to the last byte, and how much reporting-service's resident memory grew meanwhile
 * (sampled every 10 ms): a streamed feed should not grow with the number of activities. The first
 * pull after the rebuild runs code not compiled yet (reported apart); then pulls follow until one
 * ran with reporting-service's JIT compilers under a tenth of its CPU (at most {@link #MOST_PULLS}),
 * as a donor's regular pull of a running service does, and that one is held to the targets. First
 * byte: the first byte of the body, not the headers.
 */
final class FeedScenario {
    private static final byte[] ACTIVITY_END = "</iati-activity>".getBytes(StandardCharsets.US_ASCII);
    /** "Memory flat": what streaming may add to the service's resident memory, whatever the feed's size. */
    static final double FLAT_MIB = 16;

    /** Pulls after the first one, at most, until the feed's code is compiled. */
    static final int MOST_PULLS = 8;

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>[^,]*;\\s*rel=\"?next\"?");
    private final Platform platform;
    private final int expectedActivities;

    FeedScenario(Platform platform, int expectedActivities) {
        this.platform = platform;
        this.expectedActivities = expectedActivities;
    }

    /** One pull of the whole feed. */
    private record Pull(
            long activities,
            int pages,
            long bytes,
            double headersMillis,
            double firstByteMillis,
            double seconds,
            double rssBefore,
            double rssPeak) {}

    List<Figure> run() throws Exception {
        String donor = platform.token("donor", "--donor", SyntheticJourneys.FEED_DONOR);
        Pull cold = pull(donor); // the first pull after the rebuild: the endpoint's code is not compiled yet
        System.out.printf(
                "  feed, first pull: %d activities, first byte %.0f ms, last byte %.2f s%n",
                cold.activities(), cold.firstByteMillis(), cold.seconds());
        List<String> reporting = List.of("reporting-service");
        Pull pull;
        double compilers;
        int pulls = 0;
        do {
            Platform.Cpu before = Platform.Cpu.of(platform, reporting);
            pull = pull(donor);
            pulls++;
            compilers = Platform.Cpu.of(platform, reporting).compilerShareSince(before);
            System.out.printf(
                    "    pull %d: last byte %.2f s, JIT compilers %.0f %% of reporting-service's CPU%n",
                    pulls + 1, pull.seconds(), 100 * compilers);
        } while (compilers >= IngestScenario.WARM_COMPILER_SHARE && pulls < MOST_PULLS);
        System.out.printf(
                "  feed: %d activities (%d expected) in %d pages, %.1f MB; headers %.0f ms, first byte %.0f ms, last byte %.2f s;"
                        + " reporting-service RSS %.0f -> peak %.0f MiB%n",
                pull.activities(),
                expectedActivities,
                pull.pages(),
                pull.bytes() / 1e6,
                pull.headersMillis(),
                pull.firstByteMillis(),
                pull.seconds(),
                pull.rssBefore(),
                pull.rssPeak());
        return List.of(
                Figure.plain("5 feed", "IATI activities streamed", pull.activities(), "")
                        .withTarget(">= " + expectedActivities, pull.activities() >= expectedActivities),
                Figure.plain("5 feed", "time to first byte", pull.firstByteMillis(), "ms")
                        .atMost(100),
                Figure.plain("5 feed", "time to last byte", pull.seconds(), "s").atMost(2),
                Figure.plain("5 feed", "size", pull.bytes() / 1e6, "MB"),
                Figure.plain(
                                "5 feed",
                                "reporting-service RSS growth while streaming",
                                pull.rssPeak() - pull.rssBefore(),
                                "MiB")
                        .atMost(FLAT_MIB),
                Figure.plain("5 feed", "pulls before the judged one (until compiled)", pulls, ""),
                Figure.plain(
                        "5 feed",
                        "JIT compilers' share of reporting-service's CPU in the judged pull",
                        100 * compilers,
                        "%"),
                Figure.plain("5 feed", "first pull after the rebuild: first byte", cold.firstByteMillis(), "ms"),
                Figure.plain("5 feed", "first pull after the rebuild: last byte", cold.seconds(), "s"));
    }

    private Pull pull(String donor) throws Exception {
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
        double headers = Double.NaN;
        double firstByte = Double.NaN;
        long bytes = 0;
        long activities = 0;
        int pages = 0;
        HttpClient client = HttpClient.newHttpClient();
        // the feed answers in pages (Link: <...>; rel="next" while more follow): the whole file is every page
        for (URI next = URI.create(Platform.url("reporting-service", "/api/v1/feeds/iati")); next != null; pages++) {
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(next)
                            .header("Authorization", "Bearer " + donor)
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (pages == 0) {
                headers = (System.nanoTime() - begin) / 1e6;
            }
            int matched = 0;
            try (InputStream body = response.body()) {
                byte[] buffer = new byte[65536];
                for (int read; (read = body.read(buffer)) > 0; ) {
                    if (bytes == 0) {
                        firstByte = (System.nanoTime() - begin) / 1e6;
                    }
                    bytes += read;
                    for (int i = 0; i < read; i++) { // counts closing tags across buffer boundaries
                        matched = buffer[i] == ACTIVITY_END[matched]
                                ? matched + 1
                                : (buffer[i] == ACTIVITY_END[0] ? 1 : 0);
                        if (matched == ACTIVITY_END.length) {
                            activities++;
                            matched = 0;
                        }
                    }
                }
            }
            if (response.statusCode() != 200) {
                streaming.set(false);
                throw new IllegalStateException("the IATI feed answered " + response.statusCode() + " at " + next);
            }
            next = nextPage(next, response.headers().allValues("Link"));
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        streaming.set(false);
        sampler.join();
        return new Pull(activities, pages, bytes, headers, firstByte, seconds, rssBefore, rssPeak[0]);
    }

    /** The target of a {@code rel="next"} link, resolved against the page's URL; null on the last page. */
    static URI nextPage(URI page, List<String> links) {
        for (String header : links) {
            for (String link : header.split(",(?=\\s*<)")) {
                Matcher m = NEXT.matcher(link);
                if (m.find()) {
                    return page.resolve(m.group(1));
                }
            }
        }
        return null;
    }
}
