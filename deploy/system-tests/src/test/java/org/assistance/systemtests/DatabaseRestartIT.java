package org.assistance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL (an embedded one of this platform's own, never the machine's) is stopped for 20 s
 * under a steady load and started again on the same data. Every service reports itself not
 * ready while it cannot reach its database and ready again afterwards, by itself, without being
 * restarted; submissions answered with an error meanwhile are sent again by the partner, and
 * every accepted request reaches every read model exactly once.
 */
@Order(Order.DEFAULT + 6)
class DatabaseRestartIT {

    @Test
    void services_go_not_ready_and_recover_by_themselves_when_postgresql_restarts() throws Exception {
        FaultPlatform platform = FaultPlatform.with(FaultPlatform.Topology.OWN_DATABASE);
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String instance : platform.instances()) {
            pids.put(instance, platform.pid(instance));
        }
        try (LoadGenerator load = new LoadGenerator(platform, "database-restart", "SN", 4, 1).start();
                ReadinessWatch readiness = new ReadinessWatch(platform)) {
            Thread.sleep(10_000);

            long stopped = System.nanoTime();
            platform.database().stop();
            System.out.printf(
                    "[faults] DatabaseRestartIT: PostgreSQL stopped after %d accepted requests%n",
                    load.accepted.size());
            Thread.sleep(20_000 - (System.nanoTime() - stopped) / 1_000_000);
            long restarted = System.nanoTime();
            platform.database().start();
            System.out.printf(
                    "[faults] DatabaseRestartIT: PostgreSQL down %.1f s, answering again after %.1f s more%n",
                    (restarted - stopped) / 1e9, (System.nanoTime() - restarted) / 1e9);
            readiness.awaitEveryInstanceUpAgain(Duration.ofSeconds(90));
            readiness.report(stopped, restarted);

            Thread.sleep(10_000);
            boolean drained = load.drain(LoadGenerator.DRAIN_DEADLINE);
            ReadModels.Report report =
                    ReadModels.awaitExact(platform, load, "reporting-service", Duration.ofSeconds(90));

            System.out.println("[faults] DatabaseRestartIT: " + load.summary());
            report.print("DatabaseRestartIT");
            for (String instance : platform.instances()) {
                assertThat(readiness.wentDown(instance))
                        .as(instance + " reported not ready while PostgreSQL was away")
                        .isTrue();
                assertThat(readiness.cameBack(instance))
                        .as(instance + " reported ready again")
                        .isTrue();
                assertThat(platform.ready(instance))
                        .as(instance + " ready again")
                        .isTrue();
                assertThat(platform.pid(instance))
                        .as(instance + " recovered without a restart")
                        .isEqualTo(pids.get(instance));
            }
            assertThat(load.refused.get() + load.unanswered.get())
                    .as("submissions refused or never answered")
                    .isZero();
            assertThat(drained)
                    .as("every accepted request delivered: " + load.summary())
                    .isTrue();
            assertThat(report.exact()).as("every read model exact").isTrue();
        }
    }

    /** Polls every instance's /q/health/ready (management port) and remembers when it first went DOWN and came UP again. */
    private static final class ReadinessWatch implements AutoCloseable {
        private final FaultPlatform platform;
        private final Map<String, Long> firstDown = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, Long> upAgain = new java.util.concurrent.ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        ReadinessWatch(FaultPlatform platform) {
            this.platform = platform;
            this.thread = new Thread(this::watch, "readiness-watch");
            thread.setDaemon(true);
            thread.start();
        }

        private void watch() {
            while (running) {
                for (String instance : platform.instances()) {
                    boolean ready = platform.ready(instance);
                    long now = System.nanoTime();
                    if (!ready) {
                        firstDown.putIfAbsent(instance, now);
                        upAgain.remove(instance);
                    } else if (firstDown.containsKey(instance)) {
                        upAgain.putIfAbsent(instance, now);
                    }
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void awaitEveryInstanceUpAgain(Duration atMost) throws InterruptedException {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (!upAgain.keySet().containsAll(platform.instances()) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
        }

        boolean wentDown(String instance) {
            return firstDown.containsKey(instance);
        }

        boolean cameBack(String instance) {
            return upAgain.containsKey(instance);
        }

        void report(long stopped, long restarted) {
            for (String instance : platform.instances()) {
                Long down = firstDown.get(instance);
                Long up = upAgain.get(instance);
                System.out.printf(
                        "[faults] DatabaseRestartIT: %-18s readiness DOWN %s after the stop, UP %s after the restart%n",
                        instance,
                        down == null ? "never" : "%.1f s".formatted((down - stopped) / 1e9),
                        up == null ? "not yet" : "%.1f s".formatted((up - restarted) / 1e9));
            }
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
