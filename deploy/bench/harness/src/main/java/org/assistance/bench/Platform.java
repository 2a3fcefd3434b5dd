package org.assistance.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assistance.topology.Service;
import org.assistance.topology.Topology;
import org.assistance.topology.tokens.LocalTokens;

/** The platform as deploy/local/platform started it: its services, their processes, tokens. */
final class Platform {
    /** Where the launcher put everything (deploy/topology; ASSISTANCE_PORT_OFFSET shifts it as it shifts the launcher). */
    static final Topology TOPOLOGY = Topology.fromEnvironment();

    static final List<String> SERVICES =
            Topology.SERVICES.stream().map(Service::name).toList();
    static final String KAFKA = TOPOLOGY.bootstrapServers(1);

    /** The platform's Kafka admin login (SASL_PLAINTEXT, SCRAM-SHA-512), which `up` made up in its state folder. */
    static java.util.Properties kafkaAdmin() {
        java.util.Properties props = new java.util.Properties();
        Path file = Path.of(
                System.getenv().getOrDefault("ASSISTANCE_STATE_DIR", "deploy/local/.state"),
                "kafka",
                "admin.properties");
        try (var reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "No Kafka login at " + file + " (is the platform up?): " + e.getMessage(), e);
        }
        props.put("bootstrap.servers", KAFKA);
        return props;
    }

    private static final HttpClient PROBE =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    final Path root;
    final Path state;
    final String databasePrefix;

    Platform(Path root, Path state, String databasePrefix) {
        this.root = root;
        this.state = state;
        this.databasePrefix = databasePrefix;
    }

    static String url(String service, String path) {
        return TOPOLOGY.url(service) + path;
    }

    /** Health and metrics: on the service's management port (9000 + its number), not the public one. */
    static String managementUrl(String service, String path) {
        return TOPOLOGY.managementUrl(service) + path;
    }

    /**
     * A token signed with the platform's generated key, as `platform token` issues it; options as
     * the launcher takes them: {@code --agency ID}, {@code --donor ID}, {@code --subject NAME}.
     */
    String token(String role, String... options) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i + 1 < options.length; i += 2) {
            given.put(options[i], options[i + 1]);
        }
        return LocalTokens.ofState(state)
                .issue(role, given.get("--agency"), given.get("--donor"), given.get("--subject"));
    }

    /**
     * Puts the item every benchmark request asks for in equipment-service's catalogue (an admin adds
     * it, as on a real platform) and waits until request-service's copy offers it: on a fresh
     * platform the catalogue is empty and every submission naming the item is refused (422).
     */
    void ensureCatalogueItem(String code) throws IOException, InterruptedException {
        String admin = token("admin", "--subject", "bench-setup");
        HttpResponse<String> added = PROBE.send(
                HttpRequest.newBuilder(URI.create(url("equipment-service", "/api/v1/catalogue")))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"code":"%s","name":"Forensic write blocker kit","category":"FORENSIC_IT",
                                 "unitCost":{"amount":"1450.00","currency":"EUR"},"dualUse":false}""".formatted(code)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (added.statusCode() != 201 && added.statusCode() != 409) {
            throw new IllegalStateException(
                    "could not add " + code + " to the catalogue: " + added.statusCode() + " " + added.body());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> offered = PROBE.send(
                    HttpRequest.newBuilder(URI.create(url("request-service", "/api/v1/catalogue")))
                            .header("Authorization", "Bearer " + admin)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (offered.statusCode() == 200 && offered.body().contains("\"" + code + "\"")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(code + " did not reach request-service's catalogue copy within 60 s");
    }

    long pid(String component) throws IOException {
        return Long.parseLong(
                Files.readString(state.resolve("pids/" + component + ".pid")).trim());
    }

    /** Resident memory of a process in MiB, from /proc (Linux). */
    static double rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    /** CPU time a process has used so far, in seconds (user + system). */
    static double cpuSeconds(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(p -> p.info().totalCpuDuration())
                .map(d -> d.toNanos() / 1e9)
                .orElse(Double.NaN);
    }

    /** Clock ticks a second, the unit of /proc's CPU times (USER_HZ: 100 on every Linux we run on). */
    private static final double TICKS_PER_SECOND = 100;

    /**
     * CPU time the JVM's JIT compiler threads ("C1 CompilerThread0", "C2 CompilerThread1"...) have used
     * so far, in seconds (user + system, from /proc/PID/task/TID/stat); 0 for a process that is gone.
     */
    static double compilerCpuSeconds(long pid) {
        double ticks = 0;
        try (var threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path thread : threads.toList()) {
                try {
                    if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                        continue;
                    }
                    // the fields after the command's closing parenthesis: utime is the 12th of them, stime the 13th
                    String stat = Files.readString(thread.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException | RuntimeException gone) {
                    // a compiler thread may end between the listing and the read: it counts no more
                }
            }
        } catch (IOException gone) {
            return 0;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** CPU time so far of the given services, in seconds: in all, and of their JIT compilers. */
    record Cpu(double total, double compilers) {
        static Cpu of(Platform platform, List<String> services) throws IOException {
            double total = 0;
            double compilers = 0;
            for (String service : services) {
                long pid = platform.pid(service);
                total += cpuSeconds(pid);
                compilers += compilerCpuSeconds(pid);
            }
            return new Cpu(total, compilers);
        }

        /** The JIT compilers' share (0..1) of the services' CPU between {@code before} and this. */
        double compilerShareSince(Cpu before) {
            double used = total - before.total;
            // a compiler thread the JVM ended meanwhile takes its time with it: never below 0
            return used <= 0 ? 0 : Math.max(0, compilers - before.compilers) / used;
        }
    }

    /** Every service's CPU time so far, in seconds. */
    Map<String, Double> cpuSeconds() throws IOException {
        Map<String, Double> cpu = new java.util.LinkedHashMap<>();
        for (String service : SERVICES) {
            cpu.put(service, cpuSeconds(pid(service)));
        }
        return cpu;
    }

    /** Stops services gracefully (SIGTERM, all at once), as `platform down` would, and waits until they have ended. */
    void stop(List<String> services) throws IOException {
        List<ProcessHandle> stopping = new ArrayList<>();
        for (String service : services) {
            ProcessHandle.of(pid(service)).ifPresent(process -> {
                process.destroy();
                stopping.add(process);
            });
        }
        for (ProcessHandle process : stopping) {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
    }

    /** Starts a stopped service with `platform start` and answers the seconds from launch to ready. */
    double startAndTime(String service) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        Process start = new ProcessBuilder(launcher().toString(), "start", service)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        double seconds = awaitReady(managementUrl(service, "/q/health/ready"), begin, Duration.ofSeconds(300));
        start.waitFor(60, TimeUnit.SECONDS);
        return seconds;
    }

    /** Starts every (stopped) service at once and waits until all are ready. */
    void startAll() throws Exception {
        List<Thread> starting = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (String service : SERVICES) {
            Thread thread = new Thread(() -> {
                try {
                    startAndTime(service);
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            thread.start();
            starting.add(thread);
        }
        for (Thread thread : starting) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /** Polls a URL every 20 ms until it answers 200; seconds since {@code begin} (a nanoTime). */
    static double awaitReady(String url, long begin, Duration timeout) throws InterruptedException {
        long deadline = begin + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> answer = PROBE.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return (System.nanoTime() - begin) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(url + " was not ready within " + timeout.toSeconds() + " s");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + Topology.postgresPort() + "/" + database;
    }

    private Path launcher() {
        return root.resolve("deploy/local/platform");
    }
}
