package org.assistance.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Scenario 4: each service's resident memory after the load and its start time to ready (one
 * service restarted at a time, the others idle), beside a bare Quarkus REST application started
 * with the same JVM and the same options, and loaded the same way (wrk, as many connections, for
 * as long) before its memory is read.
 */
final class FootprintScenario {
    /** The launcher's one place for every Quarkus app's JVM options (one flag a line, # comments). */
    static final Path OPTIONS_FILE = Path.of("deploy/local/jvm-options");

    /** How the launcher starts a Quarkus app: the JDK, those options and the app's AOT cache. */
    static final Path RUN_QUARKUS = Path.of("deploy/tools/run-quarkus");

    /** The JVM options every service gets (read from the launcher's file; its former fixed ones when there is none). */
    static List<String> jvmOptions(Path root) {
        Path file = root.resolve(OPTIONS_FILE);
        if (!Files.exists(file)) {
            return List.of("-Xmx256m", "-Xms64m", "-XX:+UseSerialGC");
        }
        try {
            return Files.readAllLines(file).stream()
                    .map(line -> line.replaceAll("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .flatMap(line -> Arrays.stream(line.split("\\s+")))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final Platform platform;
    private final Wrk wrk;
    /** How long the services' load lasted (known once it ran): the bare app gets as long. */
    private final Supplier<Duration> load;

    FootprintScenario(Platform platform, Wrk wrk, Supplier<Duration> load) {
        this.platform = platform;
        this.wrk = wrk;
        this.load = load;
    }

    /** Resident memory of every service now (call right after the load). */
    Map<String, Double> residentMemory() throws Exception {
        Map<String, Double> rss = new LinkedHashMap<>();
        for (String service : Platform.SERVICES) {
            rss.put(service, Platform.rssMiB(platform.pid(service)));
        }
        return rss;
    }

    List<Figure> run(Map<String, Double> rssAfterLoad, double platformUpSeconds) throws Exception {
        double[] bare = bareQuarkus();
        List<Figure> figures = new ArrayList<>();
        List<Figure> stops = new ArrayList<>();
        for (String service : Platform.SERVICES) {
            // a graceful stop: each channel's last poll, offsets committed, the group left
            long stopping = System.nanoTime();
            platform.stop(List.of(service));
            stops.add(Figure.plain(
                    "4 footprint", service + " stop (SIGTERM to exit)", (System.nanoTime() - stopping) / 1e9, "s"));
            double start = platform.startAndTime(service);
            figures.add(Figure.against(
                            "4 footprint",
                            service + " start to ready",
                            start,
                            "s",
                            "bare Quarkus REST start to ready",
                            bare[0])
                    .ratioAtMost(2));
        }
        figures.addAll(stops);
        if (rssAfterLoad != null) {
            for (String service : Platform.SERVICES) {
                figures.add(Figure.against(
                                "4 footprint",
                                service + " RSS after load",
                                rssAfterLoad.get(service),
                                "MiB",
                                "bare Quarkus REST RSS after the same load",
                                bare[1])
                        .ratioAtMost(1.6));
            }
        }
        figures.add(Figure.plain(
                "4 footprint", "whole platform up (broker, databases, 4 services)", platformUpSeconds, "s"));
        return figures;
    }

    /** Starts the bare application, answers {start seconds, RSS MiB after the same load as the services had}. */
    private double[] bareQuarkus() throws Exception {
        Path jar = platform.root.resolve("deploy/bench/bare-quarkus/target/quarkus-app/quarkus-run.jar");
        Path runQuarkus = platform.root.resolve(RUN_QUARKUS);
        String ready = "http://localhost:8090/q/health/ready";
        List<String> command;
        if (Files.isExecutable(runQuarkus)) {
            // as the services are started: the same JDK, options and (once trained) an AOT cache of its own
            Process training = new ProcessBuilder(runQuarkus.toString(), "--train", ready, jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!training.waitFor(300, TimeUnit.SECONDS) || training.exitValue() != 0) {
                throw new IllegalStateException("the bare app's training run (run-quarkus --train) failed");
            }
            command = List.of(runQuarkus.toString(), jar.toString());
        } else {
            command = new ArrayList<>(List.of("java"));
            command.addAll(jvmOptions(platform.root));
            command.addAll(List.of("-jar", jar.toString()));
        }
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("QUARKUS_HTTP_PORT", "8090");
        long begin = System.nanoTime();
        Process process = builder.start();
        try {
            double start = Platform.awaitReady(ready, begin, Duration.ofSeconds(60));
            Wrk.Load hello = wrk.get("http://localhost:8090/hello", load.get());
            double rss = Platform.rssMiB(process.pid());
            System.out.printf(
                    "  footprint: bare Quarkus REST (%s) ready in %.2f s; after %s: RSS %.0f MiB%n",
                    String.join(" ", command), start, hello.describe(), rss);
            return new double[] {start, rss};
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
