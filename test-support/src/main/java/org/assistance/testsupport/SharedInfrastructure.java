package org.assistance.testsupport;

import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Starts the broker and the database server once per test JVM (not per test, not per
 * application restart) and tears everything down when the JVM ends.
 */
final class SharedInfrastructure {
    private static final Logger LOG = Logger.getLogger(SharedInfrastructure.class);
    private static KafkaBroker kafka;
    private static PostgresServer postgres;
    private static final List<Runnable> atExit = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int i = atExit.size() - 1; i >= 0; i--) {
                try {
                    atExit.get(i).run();
                } catch (RuntimeException e) {
                    // best effort: the JVM is ending
                }
            }
        }, "test-infrastructure-teardown"));
    }

    private SharedInfrastructure() {
    }

    static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            long started = System.nanoTime();
            if (Docker.available()) {
                ContainerKafkaBroker broker = new ContainerKafkaBroker();
                atExit.add(broker::close);
                kafka = broker;
            } else {
                InProcessKafkaBroker broker = new InProcessKafkaBroker();
                atExit.add(broker::close);
                kafka = broker;
            }
            LOG.infof("Kafka for this test run: %s at %s (%d ms)", kafka.kind(), kafka.bootstrapServers(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return kafka;
    }

    static synchronized PostgresServer postgres() {
        if (postgres == null) {
            if (Docker.available()) {
                ContainerPostgres server = new ContainerPostgres();
                atExit.add(server::close);
                postgres = server;
            } else if (LocalPostgres.answers()) {
                postgres = new LocalPostgres();
            } else {
                EmbeddedPostgresServer server = new EmbeddedPostgresServer();
                atExit.add(server::close);
                postgres = server;
            }
            LOG.infof("PostgreSQL for this test run: %s", postgres.kind());
        }
        return postgres;
    }

    static void atExit(Runnable action) {
        atExit.add(action);
    }
}
