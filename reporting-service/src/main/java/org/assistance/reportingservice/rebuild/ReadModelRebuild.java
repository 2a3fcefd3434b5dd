package org.assistance.reportingservice.rebuild;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Rebuilds every read model from the topics: a {@link TopicReplay} fills fresh tables in a schema
 * of their own while reads (and live consumption) go on against the current ones, then the
 * {@link SchemaSwitchOver} swaps them in when the replay has caught up, applying the last events
 * under a lock live handling takes in shared mode, so no event falls between the two.
 */
@ApplicationScoped
public class ReadModelRebuild {
    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    private final TopicReplay replay;
    private final SchemaSwitchOver switchOver;
    private final AtomicReference<RebuildStatus> status =
            new AtomicReference<>(new RebuildStatus(RebuildState.IDLE, null, null, 0, null));

    public ReadModelRebuild(TopicReplay replay, SchemaSwitchOver switchOver) {
        this.replay = replay;
        this.switchOver = switchOver;
    }

    public RebuildStatus status() {
        return status.get();
    }

    /** Starts a rebuild in the background; false when one is already running. */
    public synchronized boolean start() {
        if (status.get().state() == RebuildState.RUNNING) {
            return false;
        }
        status.set(new RebuildStatus(RebuildState.RUNNING, OffsetDateTime.now(), null, 0, null));
        Thread worker = new Thread(this::run, "read-model-rebuild");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    private void run() {
        String schema =
                "rebuild_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        OffsetDateTime started = status.get().startedAt();
        try (TopicReplay.Pass pass = replay.begin(
                schema, applied -> status.set(new RebuildStatus(RebuildState.RUNNING, started, null, applied, null)))) {
            switchOver.createFreshTables(schema);
            pass.catchUp();
            switchOver.finish(schema);
            long replayed = switchOver.swapIn(schema, pass::catchUp);
            status.set(new RebuildStatus(RebuildState.DONE, started, OffsetDateTime.now(), replayed, null));
            LOG.infof("Read models rebuilt from %d events", replayed);
        } catch (Exception e) {
            LOG.errorf(e, "Read model rebuild failed");
            switchOver.discard(schema);
            status.set(new RebuildStatus(
                    RebuildState.FAILED,
                    started,
                    OffsetDateTime.now(),
                    status.get().eventsReplayed(),
                    e.getMessage()));
        }
    }
}
