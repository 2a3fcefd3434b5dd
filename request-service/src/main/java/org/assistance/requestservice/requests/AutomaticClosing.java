package org.assistance.requestservice.requests;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * A delivered request the agency never confirmed is closed {@code assistance.requests.auto-close-after}
 * (default 60 days) after delivery. Every instance runs this; the rows' locks (skip locked) keep
 * two instances from closing the same request.
 */
@ApplicationScoped
public class AutomaticClosing {
    private static final Logger LOG = Logger.getLogger(AutomaticClosing.class);
    private static final int BATCH = 100;

    private final AssistanceRequests requests;
    private final Duration after;

    public AutomaticClosing(AssistanceRequests requests, ClosingPolicy policy) {
        this.requests = requests;
        this.after = policy.autoCloseAfter();
    }

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(
            every = "${assistance.requests.auto-close-check-every:5m}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeDue() {
        if (stopping) {
            return;
        }
        try {
            int closed;
            do {
                closed = requests.closeDeliveredBefore(OffsetDateTime.now().minus(after), after, BATCH);
                if (closed > 0) {
                    LOG.infof("Closed %d requests delivered more than %s ago", closed, after);
                }
            } while (closed == BATCH);
        } catch (RuntimeException e) {
            // the database may be away: the next run tries again
            LOG.warnf("Automatic closing failed, retried at the next run: %s", e.getMessage());
        }
    }
}
