package org.assistance.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 4: each service's resident memory after the load and its start time to ready (one
 * service restarted at a time, the others idle), beside a bare Quarkus REST application started
 * the same way (same JVM options as the launcher) on the same machine.
 */
final class FootprintScenario {
    /** What deploy/local/platform gives every service. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-Xms64m", "-XX:+UseSerialGC");

    private final Platform platform;

    FootprintScenario(Platform platform) {
        this.platform = platform;
    }

    /** Resident memory of every service now (call right after the load). */
    Map<String, Double> residentMemory() throws Exception {
        Map<String, Double> rss = new java.util.LinkedHashMap<>();
        for (String service : Platform.SERVICES) {
            rss.put(service, Platform.rssMiB(platform.pid(service)));
        }
        return rss;
    }

    List<Figure> run(Map<String, Double> rssAfterLoad, double platformUpSeconds) throws Exception {
        double[] bare = bareQuarkus();
        List<Figure> figures = new ArrayList<>();
        for (String service : Platform.SERVICES) {
            platform.stop(List.of(service));
            double start = platform.startAndTime(service);
            figures.add(Figure.against(
                    "4 footprint",
                    service + " start to ready",
                    start,
                    "s",
                    "bare Quarkus REST start to ready",
                    bare[0],
                    bare[0] / start));
        }
        for (String service : Platform.SERVICES) {
            double rss = rssAfterLoad.get(service);
            figures.add(Figure.against(
                    "4 footprint",
                    service + " RSS after load",
                    rss,
                    "MiB",
                    "bare Quarkus REST RSS after 2,000 requests",
                    bare[1],
                    bare[1] / rss));
        }
        figures.add(Figure.plain(
                "4 footprint", "whole platform up (broker, databases, 4 services)", platformUpSeconds, "s"));
        return figures;
    }

    /** Starts the bare application, answers {start seconds, RSS MiB after 2,000 requests}. */
    private double[] bareQuarkus() throws Exception {
        Path jar = platform.root.resolve("deploy/bench/bare-quarkus/target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("QUARKUS_HTTP_PORT", "8090");
        long begin = System.nanoTime();
        Process process = builder.start();
        try {
            double start = Platform.awaitReady("http://localhost:8090/q/health/ready", begin, Duration.ofSeconds(60));
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest hello = HttpRequest.newBuilder(URI.create("http://localhost:8090/hello"))
                    .build();
            for (int i = 0; i < 2000; i++) {
                client.send(hello, HttpResponse.BodyHandlers.discarding());
            }
            double rss = Platform.rssMiB(process.pid());
            System.out.printf("  footprint: bare Quarkus REST ready in %.2f s, RSS %.0f MiB%n", start, rss);
            return new double[] {start, rss};
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
