package org.assistance.chassis.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventCodec;
import org.assistance.chassis.events.UnreadableEvent;
import org.assistance.chassis.tracing.EventTracing;
import org.assistance.chassis.tracing.Journeys;
import org.jboss.logging.Logger;

/**
 * Handles each event once (idempotent consumer). The handler runs in a transaction that also
 * records the event id ({@link ProcessedEvents}); a redelivered or re-published event finds
 * its id there and changes nothing. The record is acknowledged (and its offset committed) only
 * after that transaction commits. A record whose {@code ce_source} is not the owner of its topic
 * ({@link org.assistance.chassis.events.Topics#OWNERS}) is never handled. A record that is not
 * from the owner, cannot be read or that the handler rejects goes
 * to {@code <topic>.dlq} and the consumer moves on; a transient failure (database away, lock
 * conflict) is retried with a growing pause, keeping the partition's order.
 */
@ApplicationScoped
public class EventInbox {
    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final long MAX_PAUSE_MILLIS = 10_000;
    /** A commit failing again and again with the database reachable is the event's doing after all. */
    private static final int MAX_FAILED_COMMITS = 5;

    private final EntityManager entityManager;
    private final ProcessedEvents processedEvents;
    private final DeadLetters deadLetters;
    private volatile boolean stopping;

    private final EventTracing tracing;
    private final Journeys journeys;

    public EventInbox(
            EntityManager entityManager,
            ProcessedEvents processedEvents,
            DeadLetters deadLetters,
            EventTracing tracing,
            Journeys journeys) {
        this.tracing = tracing;
        this.journeys = journeys;
        this.entityManager = entityManager;
        this.processedEvents = processedEvents;
        this.deadLetters = deadLetters;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Handles a polled batch in one transaction (one commit instead of one per event, which is
     * what limits a consumer catching up). Records of a type the consumer has no handler for pass
     * by on their {@code ce_type} header, unread. The others are decoded before the transaction; one
     * that cannot be read or is not from its topic's owner is dead-lettered once the others are
     * committed. The poll's event ids are remembered in one statement, which also tells which of
     * them were handled before. If any record spoils the transaction (rejected, or a transient
     * failure), it rolls back and the records are handled again one by one, each with its own
     * dead-lettering and retries: the outcome is the same as one by one.
     */
    public void receiveAll(Iterable<ConsumerRecord<String, byte[]>> records, EventHandlers handlers) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (!handlers.passesBy(record)) {
                batch.add(record);
            }
        }
        if (batch.size() == 1) {
            receive(batch.get(0), handlers);
            return;
        }
        if (batch.isEmpty()) {
            return;
        }
        List<CloudEvent<AssistanceEvent>> events = new ArrayList<>(batch.size());
        Map<ConsumerRecord<String, byte[]>, RuntimeException> unreadable = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                CloudEvent<AssistanceEvent> event = EventCodec.decode(record);
                NotFromOwner.check(record, event);
                if (handlers.handlerOf(event.type()).isPresent()) {
                    events.add(event);
                }
            } catch (UnreadableEvent | NotFromOwner e) {
                unreadable.put(record, e);
            }
        }
        try {
            if (!events.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> handleTogether(events, handlers));
            }
        } catch (RuntimeException e) {
            LOG.debugf("Batch of %d records handled one by one after: %s", batch.size(), e.getMessage());
            for (ConsumerRecord<String, byte[]> record : batch) {
                receive(record, handlers);
            }
            return;
        }
        unreadable.forEach((record, reason) -> deadLetter(record, handlers, reason));
    }

    private void handleTogether(List<CloudEvent<AssistanceEvent>> events, EventHandlers handlers) {
        handlers.first().run();
        Set<UUID> firstDeliveries = processedEvents.recordAll(handlers.consumer(), events);
        List<CloudEvent<AssistanceEvent>> fresh = new ArrayList<>(events.size());
        for (CloudEvent<AssistanceEvent> event : events) {
            if (firstDeliveries.remove(event.id())) { // remove: an event the poll holds twice is handled once
                fresh.add(event);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        // the poll's journeys in one statement, before any handler records an event that continues one
        journeys.rememberAll(fresh);
        Optional<PollHandler> together = handlers.together();
        if (together.isPresent()) {
            together.get()
                    .handle(
                            fresh,
                            (event, step) ->
                                    tracing.handleInJourney(event, handlers.consumer(), handled -> step.run()));
            entityManager.flush();
            entityManager.clear();
            return;
        }
        for (CloudEvent<AssistanceEvent> event : fresh) {
            // a span of its own, child of the trace the event carries, so what it causes continues that trace
            tracing.handleInJourney(
                    event, handlers.consumer(), handlers.handlerOf(event.type()).orElseThrow());
            // each event's changes go out now and the persistence context stays small:
            // otherwise every query of the next events would dirty-check all of the batch
            entityManager.flush();
            entityManager.clear();
        }
    }

    public void receive(ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
        if (handlers.passesBy(record)) {
            return; // a type this consumer does not need, or a newer type it does not know yet: not even read
        }
        CloudEvent<AssistanceEvent> event;
        try {
            event = EventCodec.decode(record);
            NotFromOwner.check(record, event);
        } catch (UnreadableEvent | NotFromOwner e) {
            deadLetter(record, handlers, e);
            return;
        }
        Optional<Consumer<CloudEvent<AssistanceEvent>>> handler = handlers.handlerOf(event.type());
        if (handler.isEmpty()) {
            return; // a type this consumer does not need, or a newer type it does not know yet
        }
        long pause = 0;
        int failedCommits = 0;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    handlers.first().run();
                    if (firstDelivery(handlers.consumer(), event)) {
                        tracing.handle(event, handlers.consumer(), handler.get());
                    }
                });
                return;
            } catch (RuntimeException e) {
                // a commit that failed (the database going away mid-commit) is not the event's fault: tried
                // again, it meets the outage as a connection failure and waits for the database like any other
                boolean failedCommit = Failures.isFailedCommit(e) && ++failedCommits <= MAX_FAILED_COMMITS;
                if (!failedCommit && !Failures.isTransient(e)) {
                    deadLetter(record, handlers, e);
                    return;
                }
                pause = pause(pause, "handle " + event.type().typeName() + " " + event.id(), e);
            }
        }
    }

    /** What a replayed record came to. */
    public enum Replayed {
        /** Handled now, for the first time. */
        HANDLED,
        /** Its event had been handled before (it reached the consumer again meanwhile): nothing changed. */
        HANDLED_BEFORE,
        /** The consumer has no handler for its type (any more): nothing to do. */
        NOT_NEEDED
    }

    /**
     * Hands a parked record to its consumer again, through the same idempotent path as live
     * records, in the caller's transaction (which also marks the dead letter replayed, so the two
     * commit together). A record that still cannot be read, or is still not from its topic's owner,
     * throws {@link StillUnhandled}; a handler's failure is thrown as it is: the caller's transaction
     * rolls back and nothing is written.
     */
    public Replayed handleAgain(ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
        CloudEvent<AssistanceEvent> event;
        try {
            event = EventCodec.decode(record);
            NotFromOwner.check(record, event);
        } catch (UnreadableEvent | NotFromOwner e) {
            throw new StillUnhandled(e.getMessage(), e);
        }
        Optional<Consumer<CloudEvent<AssistanceEvent>>> handler = handlers.handlerOf(event.type());
        if (handler.isEmpty()) {
            return Replayed.NOT_NEEDED;
        }
        handlers.first().run();
        if (!firstDelivery(handlers.consumer(), event)) {
            return Replayed.HANDLED_BEFORE;
        }
        tracing.handle(event, handlers.consumer(), handler.get());
        return Replayed.HANDLED;
    }

    /** A replayed record that still cannot be handled, for the reason it first could not. */
    public static final class StillUnhandled extends RuntimeException {
        StillUnhandled(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private boolean firstDelivery(String consumer, CloudEvent<?> event) {
        return processedEvents.record(consumer, event.id(), event.type().typeName());
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, EventHandlers handlers, Exception reason) {
        LOG.warnf(
                "Dead-lettering %s@%d (offset %d) for %s: %s",
                record.topic(), record.partition(), record.offset(), handlers.consumer(), Failures.describe(reason));
        long pause = 0;
        while (true) {
            try {
                deadLetters.send(record, handlers.consumer(), reason);
                return;
            } catch (RuntimeException e) {
                pause = pause(pause, "dead-letter " + record.topic() + "@" + record.offset(), e);
            }
        }
    }

    private long pause(long previous, String what, Exception cause) {
        if (stopping) {
            // not acknowledged: the record is delivered again after the restart
            throw new IllegalStateException("stopping before " + what + " succeeded", cause);
        }
        long pause = Math.min(Math.max(previous * 2, 100), MAX_PAUSE_MILLIS);
        LOG.warnf("Could not %s (%s); retrying in %d ms", what, Failures.describe(cause), pause);
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before " + what + " succeeded", e);
        }
        return pause;
    }
}
