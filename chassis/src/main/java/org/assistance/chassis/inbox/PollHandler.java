package org.assistance.chassis.inbox;

import java.util.List;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;

/**
 * Handles a poll's events together, in the poll's one transaction: a read model that reads the rows
 * of all of them at once, folds each event into them in memory and writes each table once, instead
 * of a round of statements per event (which is what kept a read model behind a sustained load).
 * A poll that fails is handled again one event at a time by the consumer's per-type handlers, as
 * any failing poll is: both ways must give the same rows.
 */
@FunctionalInterface
public interface PollHandler {
    /**
     * Handles {@code events} (each delivered here for the first time, in the poll's order). What it
     * does for each event on its own goes through {@code eachInSpan}, so each event keeps its own
     * consumer span, child of the trace it carries.
     */
    void handle(List<CloudEvent<AssistanceEvent>> events, EachInSpan eachInSpan);

    /** Runs one event's step in that event's consumer span. */
    @FunctionalInterface
    interface EachInSpan {
        void run(CloudEvent<AssistanceEvent> event, Runnable step);
    }
}
