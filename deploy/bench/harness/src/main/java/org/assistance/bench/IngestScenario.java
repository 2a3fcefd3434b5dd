package org.assistance.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * Scenario 1: concurrent partner clients submit valid requests for a fixed time. Reference: the
 * raw single-row INSERT rate into PostgreSQL with as many connections, in the same run.
 */
final class IngestScenario {
    private final Platform platform;
    private final int clients;
    private final Duration warmUp;
    private final Duration measured;
    private final boolean withServiceAlone;

    IngestScenario(Platform platform, int clients, Duration warmUp, Duration measured, boolean withServiceAlone) {
        this.withServiceAlone = withServiceAlone;
        this.platform = platform;
        this.clients = clients;
        this.warmUp = warmUp;
        this.measured = measured;
    }

    List<Figure> run() throws Exception {
        // the reference first, on a machine at rest (later the services are still reading the burst)
        double insertsPerSecond = rawInsertRate();
        String token = platform.token("partner", "--agency", "agency-bench-ingest");
        submitFor(token, warmUp); // the JIT and the connection pools warm up; not counted
        Load load = submitFor(token, measured);
        double acceptedPerSecond = load.accepted / load.seconds;
        Percentiles latency = new Percentiles(load.latencies);
        System.out.printf(
                "  ingest: %d accepted, %d errors in %.1f s with %d clients; raw INSERT %.0f rows/s%n",
                load.accepted, load.errors, load.seconds, clients, insertsPerSecond);
        double ratio = acceptedPerSecond / insertsPerSecond;
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.against(
                                "1 ingest",
                                "accepted requests/s (" + clients + " clients)",
                                acceptedPerSecond,
                                "/s",
                                "raw single-row INSERT/s (" + clients + " connections)",
                                insertsPerSecond,
                                ratio)
                        .withTarget("ratio >= 0.5", ratio >= 0.5),
                Figure.plain("1 ingest", "latency p50", latency.millis(50), "ms"),
                Figure.plain("1 ingest", "latency p99", latency.millis(99), "ms"),
                Figure.plain("1 ingest", "errors (non-201 answers)", load.errors, "")
                        .withTarget("0", load.errors == 0)));
        // the burst's events are still being read by the other services: later scenarios start at rest
        for (String service : Platform.SERVICES) {
            double seconds = ConsumerLag.awaitCaughtUp(service, 900);
            figures.add(Figure.plain("1 ingest", service + " caught up with the burst after", seconds, "s"));
        }
        if (withServiceAlone) {
            figures.add(aloneFigure(token, insertsPerSecond));
        }
        return figures;
    }

    /**
     * The same load with the three other services stopped: what request-service itself costs,
     * apart from the work every submission causes downstream on the same two cores.
     */
    private Figure aloneFigure(String token, double insertsPerSecond) throws Exception {
        platform.stop(List.of("program-service", "equipment-service", "reporting-service"));
        Load alone = submitFor(token, measured);
        platform.startAll();
        for (String service : Platform.SERVICES) {
            ConsumerLag.awaitCaughtUp(service, 900);
        }
        double perSecond = alone.accepted / alone.seconds;
        System.out.printf("  ingest: request-service alone accepted %d in %.1f s%n", alone.accepted, alone.seconds);
        return Figure.against(
                "1 ingest",
                "accepted/s, request-service alone (others stopped)",
                perSecond,
                "/s",
                "raw single-row INSERT/s",
                insertsPerSecond,
                perSecond / insertsPerSecond);
    }

    private record Load(long accepted, long errors, double seconds, long[] latencies) {}

    private Load submitFor(String token, Duration duration) throws InterruptedException {
        AtomicLong accepted = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> latenciesPerClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long begin = System.nanoTime();
        long end = begin + duration.toNanos();
        for (int i = 0; i < clients; i++) {
            LongStream.Builder mine = LongStream.builder();
            Submissions submissions = new Submissions(token);
            Thread thread = new Thread(
                    () -> {
                        while (System.nanoTime() < end) {
                            long sent = System.nanoTime();
                            try {
                                int status = submissions.submit().statusCode();
                                if (status == 201) {
                                    accepted.incrementAndGet();
                                } else {
                                    errors.incrementAndGet();
                                }
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                            mine.add(System.nanoTime() - sent);
                        }
                        synchronized (latenciesPerClient) {
                            latenciesPerClient.add(mine.build().toArray());
                        }
                    },
                    "partner-client-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        long[] all = latenciesPerClient.stream()
                .flatMapToLong(java.util.Arrays::stream)
                .toArray();
        return new Load(accepted.get(), errors.get(), seconds, all);
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
