package org.assistance.reportingservice.dashboard;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on the dashboard's NOTIFY channel on a connection of its own (outside the pool: it is
 * held for the instance's whole life) in a background thread, and passes every notification to
 * {@link DashboardStream}. A lost connection (database restarted) is opened again after a pause.
 */
@ApplicationScoped
public class DashboardListener {
    private static final Logger LOG = Logger.getLogger(DashboardListener.class);
    private static final int WAIT_MILLIS = 500;

    private final DashboardStream stream;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private volatile boolean stopping;
    private volatile boolean listening;
    private Thread worker;

    public DashboardListener(
            DashboardStream stream,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.stream = stream;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void onStart(@Observes StartupEvent event) {
        worker = new Thread(this::run, "dashboard-listener");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (worker != null) {
            worker.interrupt();
        }
    }

    /** True while a LISTEN connection is open (readiness of the live dashboard). */
    public boolean listening() {
        return listening;
    }

    private void run() {
        long pause = 500;
        while (!stopping) {
            try (Connection connection = connect()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN " + DashboardStream.CHANNEL);
                }
                listening = true;
                pause = 500;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            stream.deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (!stopping) {
                    LOG.warnf(
                            "Dashboard listener lost its connection (%s); listening again in %d ms",
                            e.getMessage(), pause);
                }
            } finally {
                listening = false;
            }
            sleep(pause);
            pause = Math.min(pause * 2, 10_000);
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        user.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "reporting-service dashboard listener");
        props.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, props);
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
