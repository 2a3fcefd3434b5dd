package org.assistance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The load generator: wrk (a small C program, outside the services' JVM budget) driven by
 * deploy/bench/submit.lua, with two threads (one per core) and as many connections as clients.
 * Its own CPU time is measured too (by /usr/bin/time), so what the load cost the machine is known.
 */
final class Wrk {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TIME = Path.of("/usr/bin/time");

    /** What one wrk run measured; latencies in milliseconds (wrk's, from send to the whole answer). */
    record Load(
            long requests,
            long accepted,
            long refused,
            int refusal,
            long socketErrors,
            double seconds,
            double p50,
            double p90,
            double p99,
            double max,
            double generatorCpuSeconds) {
        double acceptedPerSecond() {
            return accepted / seconds;
        }

        /** Anything that was not accepted: other statuses, and connect/read/write errors and timeouts. */
        long errors() {
            return refused + socketErrors;
        }

        String describe() {
            return String.format(
                    "%d accepted, %d errors in %.1f s (%.0f/s), p50 %.1f ms, p99 %.1f ms; wrk used %.0f %% of a core",
                    accepted, errors(), seconds, acceptedPerSecond(), p50, p99, 100 * generatorCpuSeconds / seconds);
        }
    }

    private final Path script;
    private final int connections;

    Wrk(Path root, int connections) {
        this.script = root.resolve("deploy/bench/submit.lua");
        this.connections = connections;
    }

    /** Partner submissions (a new Idempotency-Key on each when {@code keyed}) for the given time. */
    Load submit(String token, Duration duration, boolean keyed) throws IOException, InterruptedException {
        return run(
                Platform.url("request-service", "/api/v1/requests"),
                duration,
                Map.of(
                        "BENCH_TOKEN",
                        token,
                        "BENCH_BODY",
                        Submissions.BODY,
                        "BENCH_IDEMPOTENCY",
                        keyed ? "1" : "0",
                        "BENCH_RUN",
                        "bench-" + System.nanoTime()));
    }

    /** Plain GETs of a URL (the bare app's load). */
    Load get(String url, Duration duration) throws IOException, InterruptedException {
        return run(url, duration, Map.of());
    }

    private Load run(String url, Duration duration, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        boolean timed = Files.isExecutable(TIME);
        if (timed) {
            command.addAll(List.of(TIME.toString(), "-f", "WRK-CPU %U %S"));
        }
        command.addAll(List.of(
                "wrk",
                "-t",
                String.valueOf(Math.min(2, connections)),
                "-c",
                String.valueOf(connections),
                "-d",
                Math.max(1, duration.toSeconds()) + "s",
                "--timeout",
                "30s",
                "-s",
                script.toString(),
                url));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process wrk = builder.start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        JsonNode result = null;
        double cpu = Double.NaN;
        for (String line : output.split("\n")) {
            if (line.startsWith("BENCH ")) {
                result = JSON.readTree(line.substring(6));
            } else if (line.startsWith("WRK-CPU ")) {
                String[] parts = line.split(" ");
                cpu = Double.parseDouble(parts[1]) + Double.parseDouble(parts[2]);
            }
        }
        if (result == null) {
            throw new IllegalStateException("wrk printed no result:\n" + output);
        }
        return new Load(
                result.path("requests").asLong(),
                result.path("accepted").asLong(),
                result.path("refused").asLong(),
                result.path("refusal").asInt(),
                result.path("connect").asLong()
                        + result.path("read").asLong()
                        + result.path("write").asLong()
                        + result.path("timeout").asLong(),
                result.path("micros").asLong() / 1e6,
                result.path("p50").asLong() / 1e3,
                result.path("p90").asLong() / 1e3,
                result.path("p99").asLong() / 1e3,
                result.path("max").asLong() / 1e3,
                cpu);
    }
}
