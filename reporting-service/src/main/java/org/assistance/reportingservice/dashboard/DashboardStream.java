package org.assistance.reportingservice.dashboard;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.assistance.chassis.transactions.AfterCommit;

import java.time.Duration;

/**
 * Pushes every event the read models took in to the open dashboards, once its transaction has
 * committed (so what a page then fetches already includes it).
 */
@ApplicationScoped
public class DashboardStream {
    private final BroadcastProcessor<LiveEvent> events = BroadcastProcessor.create();
    private final AfterCommit afterCommit;

    public DashboardStream(AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
    }

    public void publishAfterCommit(LiveEvent event) {
        afterCommit.run(() -> events.onNext(event));
    }

    public Multi<LiveEvent> events() {
        return Multi.createBy().merging().streams(events,
                Multi.createFrom().ticks().every(Duration.ofSeconds(15)).map(tick -> LiveEvent.heartbeat()));
    }
}
