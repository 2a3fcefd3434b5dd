package org.assistance.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assistance.topology.Instance;
import org.assistance.topology.Service;
import org.assistance.topology.Topology;

/**
 * Runs deploy/local/platform as a newcomer would, with its state kept under target/ and every
 * port shifted by {@link #PORT_OFFSET}, so a test platform never meets one running on the default ports.
 */
final class Launcher {
    static final Path ROOT = Path.of(System.getProperty("assistance.root", "../.."))
            .toAbsolutePath()
            .normalize();
    static final Path STATE = ROOT.resolve("deploy/system-tests/target/platform-state");
    static final int PORT_OFFSET = Integer.getInteger("assistance.port.offset", 10000);
    /** Where the tests' platform listens: deploy/topology's map, shifted by {@link #PORT_OFFSET}. */
    static final Topology TOPOLOGY = Topology.shiftedBy(PORT_OFFSET);
    /**
     * The model test and the load generator send bursts from one agency, and every test's calls come
     * from one address: the services keep their rate limiter (and its cost) with limits these tests
     * never reach. A test of the production limits passes its own values in its environment.
     */
    static final java.util.Map<String, String> GENEROUS_RATE_LIMITS = java.util.Map.of(
            "ASSISTANCE_RATE_LIMIT_PARTNER_CAPACITY",
            "1000000",
            "ASSISTANCE_RATE_LIMIT_PARTNER_PER_SECOND",
            "1000000",
            "ASSISTANCE_RATE_LIMIT_DONOR_CAPACITY",
            "1000000",
            "ASSISTANCE_RATE_LIMIT_DONOR_PER_SECOND",
            "1000000",
            "ASSISTANCE_RATE_LIMIT_STAFF_CAPACITY",
            "1000000",
            "ASSISTANCE_RATE_LIMIT_STAFF_PER_SECOND",
            "1000000",
            "ASSISTANCE_RATE_LIMIT_ANONYMOUS_CAPACITY",
            "1000000",
            "ASSISTANCE_RATE_LIMIT_ANONYMOUS_PER_SECOND",
            "1000000");

    /**
     * Webhooks to the tests' receivers on loopback over plain http (refused by default), retried
     * after a second rather than ten, and a delivery claimed by an instance killed mid-send taken
     * up again after 20 s rather than a minute, so a test sees a retry within its time.
     */
    static final java.util.Map<String, String> TEST_WEBHOOK_SETTINGS = java.util.Map.of(
            "ASSISTANCE_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true",
            "ASSISTANCE_WEBHOOKS_ALLOW_HTTP", "true",
            "ASSISTANCE_WEBHOOKS_FIRST_RETRY_AFTER", "PT1S",
            "ASSISTANCE_WEBHOOKS_LONGEST_WAIT", "PT4S",
            "ASSISTANCE_WEBHOOKS_CLAIM_FOR", "PT20S");

    record Outcome(int exitCode, String output) {}

    private Launcher() {}

    /** Environment for a launcher run with databases of its own (dropped by {@link #dropDatabases}). */
    static java.util.Map<String, String> ownDatabases(String prefix) {
        return java.util.Map.of("ASSISTANCE_DATABASE_PREFIX", prefix);
    }

    /** Where a platform the tests started answers what a default one answers on {@code defaultPort}. */
    static int port(int defaultPort) {
        return defaultPort + PORT_OFFSET;
    }

    static String url(int defaultPort) {
        return "http://localhost:" + port(defaultPort);
    }

    /** Where a service's first instance answers, e.g. {@code url("request-service")}. */
    static String url(String service) {
        return TOPOLOGY.url(service);
    }

    static int port(String service) {
        return TOPOLOGY.port(service);
    }

    /** Where a service's first instance serves health and metrics: its management port, never the public one. */
    static String managementUrl(String service) {
        return TOPOLOGY.managementUrl(service);
    }

    /**
     * Where the instance answering on {@code defaultPort} (on a default platform) serves health and
     * metrics: its management port (e.g. 9004 for 8084, 9104 for the second instance on 8184).
     */
    static String managementUrl(int defaultPort) {
        for (Service service : Topology.SERVICES) {
            int above = defaultPort - Topology.defaults().port(service.name());
            if (above >= 0 && above % Topology.INSTANCE_STEP == 0) {
                Instance instance = TOPOLOGY.instance(service.name(), above / Topology.INSTANCE_STEP + 1);
                return "http://localhost:" + instance.managementPort();
            }
        }
        throw new IllegalArgumentException("no service instance answers on " + defaultPort);
    }

    static String uniquePrefix(String name) {
        return name + "_" + Long.toHexString(System.currentTimeMillis()) + "_";
    }

    static void dropDatabases(String prefix) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + Topology.postgresPort() + "/postgres", "postgres", "");
                java.sql.Statement s = c.createStatement()) {
            for (Service service : Topology.SERVICES) {
                s.execute("drop database if exists " + service.database(prefix) + " with (force)");
            }
        } catch (java.sql.SQLException e) {
            System.out.println("could not drop the databases " + prefix + "*: " + e.getMessage());
        }
    }

    static Outcome run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        return run(java.util.Map.of(), timeoutSeconds, args);
    }

    static Outcome run(java.util.Map<String, String> environment, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        return run(STATE, environment, timeoutSeconds, args);
    }

    static Outcome run(Path state, java.util.Map<String, String> environment, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("deploy/local/platform").toString());
        command.addAll(List.of(args));
        Path log = Files.createTempFile("platform", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("ASSISTANCE_STATE_DIR", state.toString());
        builder.environment().put("ASSISTANCE_PORT_OFFSET", Integer.toString(PORT_OFFSET));
        builder.environment().putAll(GENEROUS_RATE_LIMITS);
        builder.environment().putAll(TEST_WEBHOOK_SETTINGS);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("platform " + String.join(" ", args) + " did not finish in " + timeoutSeconds
                    + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("$ platform " + String.join(" ", args) + "\n" + output);
        return new Outcome(process.exitValue(), output);
    }

    static List<Long> recordedPids() throws IOException {
        return recordedPids(STATE);
    }

    static List<Long> recordedPids(Path state) throws IOException {
        Path pids = state.resolve("pids");
        if (!Files.isDirectory(pids)) {
            return List.of();
        }
        List<Long> found = new ArrayList<>();
        try (var files = Files.list(pids)) {
            for (Path file : files.toList()) {
                found.add(Long.parseLong(Files.readString(file).trim()));
            }
        }
        return found;
    }
}
