package org.assistance.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 1: partner clients (wrk, {@code clients} connections) submit valid requests as fast as
 * they are accepted. Reference: the raw single-row INSERT rate into PostgreSQL with as many
 * connections, measured first, on the machine at rest (pgbench's way: one row per transaction).
 *
 * <ul>
 *   <li>whole platform, sustained: every consumer's lag is sampled during the load; after it, how
 *       long each took to catch up, all watched at once;
 *   <li>request-service alone (the three other services stopped): what a submission costs the
 *       service itself, without and with an Idempotency-Key.
 * </ul>
 */
final class IngestScenario {
    /** A consumer that keeps up has committed everything within this time after the load (its commits are throttled to one every 5 s). */
    static final double KEEPING_UP_SECONDS = 10;

    /**
     * Warm: the JIT compilers used less than this share of the services' CPU in the last warm-up
     * window. Measured here (2 cores, four JVMs beside the broker and PostgreSQL): after 10 s of
     * load the C2 compilers were still 30 % of the platform's CPU per submission and the platform
     * took 61 submissions/s; it took about six minutes of load to settle near 230/s, the compilers
     * then a few percent. A "sustained" figure is the settled one.
     */
    static final double WARM_COMPILER_SHARE = 0.10;

    private final Platform platform;
    private final Wrk wrk;
    private final int clients;
    private final Duration warmUp;
    private final Duration longestWarmUp;
    private final Duration measured;
    private double insertsPerSecond = Double.NaN;
    private Duration platformWarmUp = Duration.ZERO;

    /** Warm-up in windows of {@code warmUp} until the JIT compilers settle, at most {@code longestWarmUp}. */
    IngestScenario(
            Platform platform, Wrk wrk, int clients, Duration warmUp, Duration longestWarmUp, Duration measured) {
        this.platform = platform;
        this.wrk = wrk;
        this.clients = clients;
        this.warmUp = warmUp;
        this.longestWarmUp = longestWarmUp;
        this.measured = measured;
    }

    /** The whole time the platform's load took (warm-up and measured), which the bare app's load repeats. */
    Duration loadDuration() {
        return platformWarmUp.plus(measured);
    }

    /**
     * Loads until the services are warm (not counted): windows of {@code warmUp} until their JIT
     * compilers used under {@link #WARM_COMPILER_SHARE} of their CPU in the last one, at most
     * {@code longestWarmUp}. Answers the time it took.
     */
    private Duration warmUntilCompiled(String token, List<String> services, boolean keyed) throws Exception {
        long begin = System.nanoTime();
        for (int window = 1; ; window++) {
            Platform.Cpu before = Platform.Cpu.of(platform, services);
            Wrk.Load load = wrk.submit(token, warmUp, keyed);
            double compilers = Platform.Cpu.of(platform, services).compilerShareSince(before);
            Duration spent = Duration.ofNanos(System.nanoTime() - begin);
            System.out.printf(
                    "    warm-up %d (%.0f s): %.0f/s, p99 %.0f ms, JIT compilers %.0f %% of the services' CPU%n",
                    window, spent.toMillis() / 1e3, load.acceptedPerSecond(), load.p99(), 100 * compilers);
            if (compilers < WARM_COMPILER_SHARE || spent.plus(warmUp).compareTo(longestWarmUp) > 0) {
                return spent;
            }
        }
    }

    private String reference() {
        return "single-row INSERT/s, " + clients + " connections, at rest";
    }

    /** The reference: first, before any load (later the services are still reading bursts). */
    List<Figure> measureReference() throws Exception {
        insertsPerSecond = rawInsertRate();
        System.out.printf("  ingest: raw INSERT %.0f rows/s with %d connections%n", insertsPerSecond, clients);
        return List.of(Figure.plain(
                "1 ingest", "raw single-row INSERT/s (" + clients + " connections)", insertsPerSecond, "/s"));
    }

    /** Target 2: the whole platform, sustained, every consumer keeping up. */
    List<Figure> wholePlatform() throws Exception {
        String token = platform.token("partner", "--agency", "agency-bench-ingest");
        System.out.println("  ingest, whole platform, warm-up until the JIT compilers settle:");
        platformWarmUp = warmUntilCompiled(token, Platform.SERVICES, false);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.plain(
                "2 platform", "warm-up under load before the measured load", platformWarmUp.toMillis() / 1e3, "s"));
        try (ConsumerLag lag = new ConsumerLag()) {
            lag.awaitCaughtUp(Platform.SERVICES, 300); // the load starts with every consumer at rest
            Map<String, Double> cpuBefore = platform.cpuSeconds();
            Platform.Cpu servicesBefore = Platform.Cpu.of(platform, Platform.SERVICES);
            ConsumerLag.Sampler sampler = lag.sample(Platform.SERVICES);
            Wrk.Load load = wrk.submit(token, measured, false);
            Map<String, ConsumerLag.Course> courses = sampler.stop();
            Map<String, Double> cpuAfter = platform.cpuSeconds();
            double compilers = Platform.Cpu.of(platform, Platform.SERVICES).compilerShareSince(servicesBefore);
            Map<String, Double> caughtUp = lag.awaitCaughtUp(Platform.SERVICES, 900);
            System.out.println("  ingest, whole platform: " + load.describe());
            double rate = load.acceptedPerSecond();
            figures.add(Figure.against(
                            "2 platform",
                            "accepted/s, whole platform, sustained (" + clients + " conn.)",
                            rate,
                            "/s",
                            reference(),
                            insertsPerSecond)
                    .ratioAtLeast(0.1));
            figures.add(Figure.plain("2 platform", "latency p50", load.p50(), "ms"));
            figures.add(Figure.plain("2 platform", "latency p99", load.p99(), "ms"));
            figures.add(Figure.plain("2 platform", "errors (not 201, or no answer)", load.errors(), "")
                    .withTarget("0", load.errors() == 0));
            figures.add(Figure.plain(
                    "2 platform", "JIT compilers' share of the services' CPU during the load", 100 * compilers, "%"));
            double slowest = 0;
            for (String service : Platform.SERVICES) {
                ConsumerLag.Course course = courses.get(service);
                double seconds = caughtUp.get(service);
                slowest = Double.isNaN(seconds) || Double.isNaN(slowest) ? Double.NaN : Math.max(slowest, seconds);
                System.out.printf(
                        "  %s: lag max %d, at the end %d (%d samples), caught up %.1f s after the load, CPU %.1f ms per submission%n",
                        service,
                        course.max(),
                        course.last(),
                        course.samples(),
                        seconds,
                        1000 * (cpuAfter.get(service) - cpuBefore.get(service)) / Math.max(1, load.accepted()));
                figures.add(Figure.plain("2 platform", service + " lag, max during the load", course.max(), "events"));
                figures.add(Figure.plain("2 platform", service + " lag when the load ended", course.last(), "events"));
                figures.add(Figure.plain("2 platform", service + " caught up after the load", seconds, "s"));
                figures.add(Figure.plain(
                        "2 platform",
                        service + " CPU per submission",
                        1000 * (cpuAfter.get(service) - cpuBefore.get(service)) / Math.max(1, load.accepted()),
                        "ms"));
            }
            figures.add(Figure.plain("2 platform", "every consumer keeping up: slowest caught up after", slowest, "s")
                    .atMost(KEEPING_UP_SECONDS));
            figures.add(Figure.plain(
                    "2 platform",
                    "wrk's CPU (share of one core)",
                    100 * load.generatorCpuSeconds() / load.seconds(),
                    "%"));
        }
        return figures;
    }

    /**
     * Target 1: the same load with the three other services stopped: what request-service itself
     * costs, apart from the work every submission causes downstream on the same cores. Then with
     * an Idempotency-Key on every request (each key new: the path that stores it).
     */
    List<Figure> requestServiceAlone() throws Exception {
        String token = platform.token("partner", "--agency", "agency-bench-alone");
        List<String> others = Platform.SERVICES.stream()
                .filter(s -> !s.equals("request-service"))
                .toList();
        platform.stop(others);
        List<Figure> figures = new ArrayList<>();
        try {
            // warm again: the stopped services' share of the cores moves to it, at rates it has not run at
            System.out.println("  ingest, request-service alone, warm-up:");
            List<String> requestService = List.of("request-service");
            warmUntilCompiled(token, requestService, false);
            Platform.Cpu before = Platform.Cpu.of(platform, requestService);
            Wrk.Load alone = wrk.submit(token, measured, false);
            Platform.Cpu after = Platform.Cpu.of(platform, requestService);
            double cpu = after.total() - before.total();
            System.out.println("  ingest, request-service alone: " + alone.describe());
            System.out.println("  ingest, request-service alone with an Idempotency-Key each, warm-up:");
            warmUntilCompiled(token, requestService, true);
            Wrk.Load keyed = wrk.submit(token, measured, true);
            System.out.println("  ingest, request-service alone, Idempotency-Key: " + keyed.describe());
            figures.add(Figure.against(
                            "1 alone",
                            "accepted/s, request-service alone (" + clients + " conn.)",
                            alone.acceptedPerSecond(),
                            "/s",
                            reference(),
                            insertsPerSecond)
                    .ratioAtLeast(0.3));
            figures.add(Figure.plain("1 alone", "latency p50", alone.p50(), "ms"));
            figures.add(
                    Figure.plain("1 alone", "latency p99", alone.p99(), "ms").atMost(50));
            figures.add(Figure.plain("1 alone", "errors", alone.errors(), "").withTarget("0", alone.errors() == 0));
            figures.add(Figure.plain(
                    "1 alone", "request-service CPU per submission", 1000 * cpu / Math.max(1, alone.accepted()), "ms"));
            figures.add(Figure.plain(
                    "1 alone",
                    "JIT compilers' share of request-service's CPU during the load",
                    100 * after.compilerShareSince(before),
                    "%"));
            figures.add(Figure.plain(
                    "1 alone",
                    "wrk's CPU (share of one core)",
                    100 * alone.generatorCpuSeconds() / alone.seconds(),
                    "%"));
            figures.add(Figure.against(
                    "1 alone+key",
                    "accepted/s with an Idempotency-Key each",
                    keyed.acceptedPerSecond(),
                    "/s",
                    reference(),
                    insertsPerSecond));
            figures.add(Figure.plain("1 alone+key", "latency p50", keyed.p50(), "ms"));
            figures.add(Figure.plain("1 alone+key", "latency p99", keyed.p99(), "ms"));
            figures.add(
                    Figure.plain("1 alone+key", "errors", keyed.errors(), "").withTarget("0", keyed.errors() == 0));
        } finally {
            platform.startAll();
        }
        // the stopped services read what was submitted meanwhile: later scenarios start at rest
        try (ConsumerLag lag = new ConsumerLag()) {
            Map<String, Double> caughtUp = lag.awaitCaughtUp(Platform.SERVICES, 900);
            double slowest = caughtUp.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElse(Double.NaN);
            System.out.printf(
                    "  ingest: the restarted services read the backlog in %.1f s (all at once): %s%n",
                    slowest, caughtUp);
            figures.add(Figure.plain("1 alone", "backlog read after restarting the others", slowest, "s"));
        }
        return figures;
    }

    /** As many connections as clients, each inserting one row per transaction (autocommit). */
    private double rawInsertRate() throws Exception {
        String database = platform.databasePrefix + "ingest_reference";
        try (Connection admin = DriverManager.getConnection(platform.jdbcUrl("postgres"), "postgres", "");
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        }
        try {
            try (Connection c = DriverManager.getConnection(platform.jdbcUrl(database), "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("create table submitted_rows (id uuid primary key, agency text not null, body jsonb not null,"
                        + " created_at timestamptz not null default now())");
            }
            AtomicLong rows = new AtomicLong();
            long begin = System.nanoTime();
            long end = begin + measured.toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Thread thread = new Thread(() -> {
                    try (Connection c = DriverManager.getConnection(platform.jdbcUrl(database), "postgres", "");
                            PreparedStatement insert = c.prepareStatement(
                                    "insert into submitted_rows (id, agency, body) values (?, ?, cast(? as jsonb))")) {
                        while (System.nanoTime() < end) {
                            insert.setObject(1, UUID.randomUUID());
                            insert.setString(2, "agency-bench-ingest");
                            insert.setString(3, Submissions.BODY);
                            insert.executeUpdate();
                            rows.incrementAndGet();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            return rows.get() / ((System.nanoTime() - begin) / 1e9);
        } finally {
            try (Connection admin = DriverManager.getConnection(platform.jdbcUrl("postgres"), "postgres", "");
                    Statement s = admin.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
            }
        }
    }
}
