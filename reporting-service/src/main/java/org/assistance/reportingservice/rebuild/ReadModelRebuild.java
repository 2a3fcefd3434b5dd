package org.assistance.reportingservice.rebuild;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.assistance.chassis.audit.AuditTrail;
import org.jboss.logging.Logger;

/**
 * Rebuilds every read model from the topics: a {@link TopicReplay} fills fresh tables in a schema
 * of their own while reads (and live consumption) go on against the current ones, then the
 * {@link SchemaSwitchOver} swaps them in when the replay has caught up, applying the last events
 * under a lock live handling takes in shared mode, so no event falls between the two.
 * <p>
 * Audited (kind {@code read-model-rebuild}, subject the rebuild's schema): the admin's start, and
 * the platform's end of it ({@code rebuilt} or {@code failed}), each with the status before and after.
 */
@ApplicationScoped
public class ReadModelRebuild {
    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    private final TopicReplay replay;
    private final SchemaSwitchOver switchOver;
    private final AuditTrail audit;
    private final AtomicReference<RebuildStatus> status =
            new AtomicReference<>(new RebuildStatus(RebuildState.IDLE, null, null, 0, null));

    static final String AUDIT_KIND = "read-model-rebuild";

    public ReadModelRebuild(TopicReplay replay, SchemaSwitchOver switchOver, AuditTrail audit) {
        this.replay = replay;
        this.switchOver = switchOver;
        this.audit = audit;
    }

    public RebuildStatus status() {
        return status.get();
    }

    /** Starts a rebuild in the background; false when one is already running. */
    public synchronized boolean start() {
        if (status.get().state() == RebuildState.RUNNING) {
            return false;
        }
        String schema =
                "rebuild_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        RebuildStatus before = status.get();
        RebuildStatus running = new RebuildStatus(RebuildState.RUNNING, OffsetDateTime.now(), null, 0, null);
        // audited before it starts: a start the trail cannot record does not happen
        QuarkusTransaction.requiringNew().run(() -> audit.record(AUDIT_KIND, schema, "started", before, running));
        status.set(running);
        Thread worker = new Thread(() -> run(schema), "read-model-rebuild");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    private void run(String schema) {
        OffsetDateTime started = status.get().startedAt();
        try (TopicReplay.Pass pass = replay.begin(
                schema, applied -> status.set(new RebuildStatus(RebuildState.RUNNING, started, null, applied, null)))) {
            long begin = System.nanoTime();
            switchOver.createFreshTables(schema);
            long created = System.nanoTime();
            pass.catchUp();
            long replayedAt = System.nanoTime();
            switchOver.finish(schema);
            long finishedAt = System.nanoTime();
            long replayed = switchOver.swapIn(schema, pass::catchUp);
            long swappedAt = System.nanoTime();
            finished(
                    schema,
                    "rebuilt",
                    new RebuildStatus(RebuildState.DONE, started, OffsetDateTime.now(), replayed, null));
            // where the time went, to tell the fixed part (tables, indexes, switch-over) from the per-event part
            LOG.infof(
                    "Read models rebuilt from %d events in %.2f s: fresh tables %.2f s, replay %.2f s,"
                            + " keys, indexes, logged and analysed %.2f s, switch-over %.2f s",
                    replayed,
                    (swappedAt - begin) / 1e9,
                    (created - begin) / 1e9,
                    (replayedAt - created) / 1e9,
                    (finishedAt - replayedAt) / 1e9,
                    (swappedAt - finishedAt) / 1e9);
        } catch (Exception e) {
            LOG.errorf(e, "Read model rebuild failed");
            switchOver.discard(schema);
            finished(
                    schema,
                    "failed",
                    new RebuildStatus(
                            RebuildState.FAILED,
                            started,
                            OffsetDateTime.now(),
                            status.get().eventsReplayed(),
                            e.getMessage()));
        }
    }

    /** The end of a rebuild, by the platform: audited, though a trail that cannot be written does not undo it. */
    private void finished(String schema, String action, RebuildStatus end) {
        RebuildStatus before = status.get();
        status.set(end);
        try {
            QuarkusTransaction.requiringNew().run(() -> audit.record(AUDIT_KIND, schema, action, before, end));
        } catch (RuntimeException e) {
            LOG.errorf(e, "The end of read-model rebuild %s could not be audited", schema);
        }
    }
}
