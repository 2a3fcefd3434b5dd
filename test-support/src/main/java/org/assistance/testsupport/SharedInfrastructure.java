package org.assistance.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Starts the broker and the database server once per test JVM (not per test, not per
 * application restart) and tears everything down when the JVM ends. Quarkus loads this class
 * again in a fresh class loader when it restarts the application under test (another test
 * profile); every copy therefore hands out the broker and server held by the copy in the
 * JVM's system class loader.
 */
final class SharedInfrastructure {
    private static final Logger LOG = Logger.getLogger(SharedInfrastructure.class);
    private static KafkaBroker kafka;
    private static PostgresServer postgres;
    private static final List<Runnable> atExit = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            for (int i = atExit.size() - 1; i >= 0; i--) {
                                try {
                                    atExit.get(i).run();
                                } catch (RuntimeException e) {
                                    // best effort: the JVM is ending
                                }
                            }
                        },
                        "test-infrastructure-teardown"));
    }

    private SharedInfrastructure() {}

    static synchronized KafkaBroker kafka() {
        if (!heldHere()) {
            return new KafkaBrokerInAnotherLoader(fromSystemLoader("kafka"));
        }
        if (kafka == null) {
            long started = System.nanoTime();
            if (Docker.available()) {
                ContainerKafkaBroker broker = new ContainerKafkaBroker();
                atExit.add(broker::close);
                kafka = broker;
            } else {
                // not shut down at exit on purpose: a controlled shutdown while the application's
                // consumers are closing made them wait for the group coordinator past surefire's
                // exit timeout (the fork then ended with an error); the JVM's exit ends it anyway
                kafka = new InProcessKafkaBroker();
            }
            LOG.infof(
                    "Kafka for this test run: %s at %s (%d ms)",
                    kafka.kind(), kafka.bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
        }
        return kafka;
    }

    static synchronized PostgresServer postgres() {
        if (!heldHere()) {
            return new PostgresServerInAnotherLoader(fromSystemLoader("postgres"));
        }
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

    private static boolean heldHere() {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        try {
            return system.loadClass(SharedInfrastructure.class.getName()) == SharedInfrastructure.class;
        } catch (ClassNotFoundException e) {
            return true; // not on the system class path: this copy is the only one
        }
    }

    private static Object fromSystemLoader(String method) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            Class<?> held = ClassLoader.getSystemClassLoader().loadClass(SharedInfrastructure.class.getName());
            java.lang.reflect.Method getter = held.getDeclaredMethod(method);
            getter.setAccessible(true);
            return getter.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot reach the test infrastructure of this JVM: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Calls a public method of the broker or server type as the system class loader knows it. */
    static Object call(Object target, String type, String method, Object... args) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Kafka instantiates classes by name through the context class loader: it must be the
        // loader the broker itself lives in
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            Class<?> api = ClassLoader.getSystemClassLoader().loadClass("org.assistance.testsupport." + type);
            Class<?>[] types = new Class<?>[args.length];
            for (int i = 0; i < args.length; i++) {
                types[i] = args[i].getClass();
            }
            return api.getMethod(method, types).invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot call " + type + "." + method + ": " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private record KafkaBrokerInAnotherLoader(Object target) implements KafkaBroker {
        public String bootstrapServers() {
            return (String) call(target, "KafkaBroker", "bootstrapServers");
        }

        public String kind() {
            return (String) call(target, "KafkaBroker", "kind");
        }

        @SuppressWarnings("unchecked")
        public java.util.Map<String, String> clientSettings(String user) {
            return (java.util.Map<String, String>) call(target, "KafkaBroker", "clientSettings", user);
        }

        public void stop() {
            call(target, "KafkaBroker", "stop");
        }

        public void start() {
            call(target, "KafkaBroker", "start");
        }
    }

    private static final class PostgresServerInAnotherLoader extends PostgresServer {
        private final Object target;

        PostgresServerInAnotherLoader(Object target) {
            this.target = target;
        }

        public String kind() {
            return (String) call(target, "PostgresServer", "kind");
        }

        public String host() {
            return (String) call(target, "PostgresServer", "host");
        }

        public int port() {
            return (Integer) call(target, "PostgresServer", "port");
        }

        public String username() {
            return (String) call(target, "PostgresServer", "username");
        }

        public String password() {
            return (String) call(target, "PostgresServer", "password");
        }

        public String createFreshDatabase(String prefix) {
            return (String) call(target, "PostgresServer", "createFreshDatabase", prefix);
        }
    }
}
