package org.assistance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform the fault tests break and watch, started by deploy/local/platform with a given
 * topology. One runs at a time: tests asking for the same topology share it (each under its own
 * agency and country), a test asking for another one stops it first, and the last is stopped when
 * the test JVM ends. Every test leaves it whole again (what it killed, it starts again).
 */
final class FaultPlatform {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path STATE = Launcher.ROOT.resolve("deploy/system-tests/target/fault-platform");
    static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "request-service", 8081, "program-service", 8082, "equipment-service", 8083, "reporting-service", 8084);

    /**
     * Brokers, instances of reporting-service, whether PostgreSQL is an embedded one of its own, and whether
     * Prometheus watches it with the platform's alert rules ({@code up --observability}).
     */
    record Topology(int brokers, int reportingInstances, boolean ownDatabase, boolean observability) {
        static final Topology ONE_BROKER_TWO_REPORTERS = new Topology(1, 2, false, true);
        static final Topology THREE_BROKERS = new Topology(3, 1, false, false);
        static final Topology OWN_DATABASE = new Topology(1, 1, true, false);
    }

    private static FaultPlatform current;

    final Topology topology;
    final String prefix = Launcher.uniquePrefix("faults");
    final Map<String, String> env;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private EmbeddedDatabase database;

    private FaultPlatform(Topology topology) {
        this.topology = topology;
        this.env = Map.of("ASSISTANCE_DATABASE_PREFIX", prefix);
    }

    /** The running platform of this topology, started (and set up by an admin) if need be. */
    static synchronized FaultPlatform with(Topology topology) throws Exception {
        if (current != null && current.topology.equals(topology)) {
            current.awaitAllReady(Duration.ofSeconds(120));
            return current;
        }
        if (current == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(FaultPlatform::stopCurrent, "fault-platform-down"));
        }
        stopCurrent();
        FaultPlatform platform = new FaultPlatform(topology);
        platform.up();
        current = platform;
        return platform;
    }

    private static synchronized void stopCurrent() {
        if (current != null) {
            try {
                current.down();
            } catch (Exception e) {
                System.out.println("could not stop the fault platform: " + e);
            }
            current = null;
        }
    }

    private void up() throws Exception {
        Launcher.run(STATE, Map.of(), 120, "down");
        deleteTree(STATE);
        List<String> args = new ArrayList<>(List.of(
                "up",
                "--brokers",
                Integer.toString(topology.brokers()),
                "--instances",
                "reporting-service=" + topology.reportingInstances()));
        if (topology.observability()) {
            args.add("--observability");
        }
        if (topology.ownDatabase()) {
            database = new EmbeddedDatabase(STATE.resolve("postgres-data"), Launcher.port(5432));
            database.start();
            args.addAll(List.of("--db-url", "jdbc:postgresql://127.0.0.1:" + database.port));
        }
        long started = System.nanoTime();
        Launcher.Outcome up = Launcher.run(STATE, env, 600, args.toArray(String[]::new));
        assertThat(up.exitCode()).as(up.output()).isZero();
        System.out.printf("[faults] platform %s up in %.1f s%n", topology, (System.nanoTime() - started) / 1e9);
        setUpProgrammeAndStock();
    }

    private void down() throws Exception {
        Launcher.run(STATE, Map.of(), 180, "down");
        keepLogs();
        if (database != null) {
            database.stop();
        } else {
            Launcher.dropDatabases(prefix);
        }
        deleteTree(STATE);
    }

    /** The services' logs outlive the platform (target/fault-platform-logs/<topology>), for a failure's post-mortem. */
    private void keepLogs() throws IOException {
        Path logs = STATE.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        Path kept = STATE.resolveSibling("fault-platform-logs")
                .resolve(topology.brokers() + "-brokers-" + topology.reportingInstances() + "-reporting"
                        + (topology.ownDatabase() ? "-own-database" : "")
                        + (topology.observability() ? "-observed" : ""));
        deleteTree(kept);
        Files.createDirectories(kept);
        try (var files = Files.list(logs)) {
            for (Path log : files.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()));
            }
        }
    }

    /** A donor, a programme with funds, an item in stock: what every generated request needs. */
    private void setUpProgrammeAndStock() throws Exception {
        String admin = token("admin");
        String programs = url("program-service");
        String equipment = url("equipment-service");
        created(
                Http.send(
                        "POST",
                        programs + "/donors",
                        admin,
                        "{\"id\":\"donor-faults\",\"name\":\"Fault test donor\",\"iatiIdentifier\":\"XM-FAULTS\",\"type\":\"GOVERNMENT\"}"));
        created(
                Http.send(
                        "POST",
                        programs + "/programmes",
                        admin,
                        "{\"code\":\"FAULTS\",\"name\":\"Fault tests\",\"thematicAreas\":[\"CYBERCRIME\"],\"currency\":\"USD\",\"iatiActivityPrefix\":\"XM-FAULTS-FAULTS\"}"));
        created(Http.send(
                "POST",
                programs + "/programmes/FAULTS/contributions",
                admin,
                "{\"donorId\":\"donor-faults\",\"amount\":{\"amount\":\"1000000000.00\",\"currency\":\"USD\"},\"date\":\""
                        + LocalDate.now() + "\"}"));
        created(
                Http.send(
                        "POST",
                        equipment + "/catalogue",
                        admin,
                        "{\"code\":\"" + LoadGenerator.ITEM
                                + "\",\"name\":\"Forensic kit\",\"category\":\"FORENSIC_IT\",\"unitCost\":{\"amount\":\"100.00\",\"currency\":\"USD\"},\"dualUse\":false}"));
        created(Http.send(
                "POST",
                equipment + "/warehouses",
                admin,
                "{\"code\":\"FLT-1\",\"name\":\"Fault test store\",\"country\":\"AT\"}"));
        // the load's partners and reviewers name the item only once their services' catalogue copies have it
        for (String service : List.of("request-service", "program-service")) {
            String reader = token("reviewer");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Http.get(url(service) + "/catalogue", reader).body().contains("\"" + LoadGenerator.ITEM + "\"")) {
                assertThat(System.nanoTime())
                        .as(service + " never learnt the catalogue")
                        .isLessThan(until);
                Thread.sleep(200);
            }
        }
        created(Http.send(
                "POST",
                equipment + "/warehouses/FLT-1/stock",
                admin,
                "{\"itemCode\":\"" + LoadGenerator.ITEM + "\",\"quantity\":1000000}"));
    }

    private static void created(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
    }

    /** The API base of a service instance, e.g. "reporting-service-2". */
    String url(String instance) {
        return Launcher.url(port(instance)) + "/api/v1";
    }

    static int port(String instance) {
        for (Map.Entry<String, Integer> service : SERVICE_PORTS.entrySet()) {
            if (instance.equals(service.getKey())) {
                return service.getValue();
            }
            if (instance.startsWith(service.getKey() + "-")) {
                return service.getValue()
                        + 100
                                * (Integer.parseInt(instance.substring(
                                                service.getKey().length() + 1))
                                        - 1);
            }
        }
        throw new IllegalArgumentException(instance);
    }

    List<String> instances() {
        List<String> all = new ArrayList<>(
                List.of("request-service", "program-service", "equipment-service", "reporting-service"));
        for (int k = 2; k <= topology.reportingInstances(); k++) {
            all.add("reporting-service-" + k);
        }
        return all;
    }

    String bootstrapServers() {
        if (topology.brokers() == 1) {
            return "localhost:" + Launcher.port(9092);
        }
        List<String> brokers = new ArrayList<>();
        for (int k = 1; k <= topology.brokers(); k++) {
            brokers.add("localhost:" + Launcher.port(9090 + 2 * k));
        }
        return String.join(",", brokers);
    }

    String token(String role, String... options) throws Exception {
        String key = role + String.join(" ", options);
        String token = tokens.get(key);
        if (token == null) {
            List<String> args = new ArrayList<>(List.of("token", role));
            args.addAll(List.of(options));
            token = Launcher.run(STATE, env, 30, args.toArray(String[]::new))
                    .output()
                    .trim();
            tokens.put(key, token);
        }
        return token;
    }

    long pid(String name) throws IOException {
        return Long.parseLong(
                Files.readString(STATE.resolve("pids/" + name + ".pid")).trim());
    }

    /** kill -9, and wait until the process is gone. */
    void kill(String name) throws Exception {
        long pid = pid(name);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(20, TimeUnit.SECONDS);
        System.out.printf("[faults] killed -9 %s (pid %d)%n", name, pid);
    }

    void stop(String name) throws Exception {
        Launcher.Outcome stopped = Launcher.run(STATE, env, 60, "stop", name);
        assertThat(stopped.exitCode()).as(stopped.output()).isZero();
    }

    void start(String name) throws Exception {
        long started = System.nanoTime();
        Launcher.Outcome start = Launcher.run(STATE, env, 180, "start", name);
        assertThat(start.exitCode()).as(start.output()).isZero();
        System.out.printf("[faults] started %s again in %.1f s%n", name, (System.nanoTime() - started) / 1e9);
    }

    boolean ready(String instance) {
        try {
            return Http.get(Launcher.managementUrl(port(instance)) + "/q/health/ready", null)
                            .status()
                    == 200;
        } catch (Exception e) {
            return false;
        }
    }

    void awaitAllReady(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        for (String instance : instances()) {
            while (!ready(instance)) {
                assertThat(System.nanoTime()).as(instance + " ready").isLessThan(deadline);
                Thread.sleep(500);
            }
        }
    }

    EmbeddedDatabase database() {
        return database;
    }

    /** A connection to one service's database, e.g. "requests", to look at its outbox. */
    Connection connect(String database) throws SQLException {
        int port = this.database != null ? this.database.port : 5432;
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + prefix + database, "postgres", "");
    }

    static JsonNode json(Http.Answer answer) throws IOException {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** PostgreSQL of the platform's own (deploy/local-postgres), to stop and start again with its data. */
    static final class EmbeddedDatabase {
        final Path data;
        final int port;
        private Process process;

        EmbeddedDatabase(Path data, int port) {
            this.data = data;
            this.port = port;
        }

        void start() throws Exception {
            Path target = Launcher.ROOT.resolve("deploy/local-postgres/target");
            String jar;
            try (var files = Files.list(target)) {
                jar = files.map(Path::toString)
                        .filter(f -> f.matches(".*/local-postgres-.*\\.jar"))
                        .findFirst()
                        .orElseThrow();
            }
            Files.createDirectories(data.getParent());
            process = new ProcessBuilder(
                            // the JDK the tests run on (25, found by deploy/tools/find-jdk), not whatever java is on
                            // the PATH
                            ProcessHandle.current().info().command().orElse("java"),
                            "-Xmx128m",
                            "-cp",
                            target.resolve("libs") + "/*:" + jar,
                            "org.assistance.deploy.EmbeddedPostgresMain",
                            Integer.toString(port),
                            data.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            data.getParent().resolve("postgres.log").toFile()))
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!answers()) {
                assertThat(process.isAlive()).as("embedded PostgreSQL running").isTrue();
                assertThat(System.nanoTime())
                        .as("embedded PostgreSQL up within 60 s")
                        .isLessThan(deadline);
                Thread.sleep(300);
            }
        }

        /** SIGTERM: the wrapper stops PostgreSQL (fast shutdown: every connection is cut). */
        void stop() throws Exception {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }

        boolean answers() {
            try (Connection ignored =
                    DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "")) {
                return true;
            } catch (SQLException e) {
                return false;
            }
        }
    }
}
