package org.assistance.chassis.events;

/** A record that is not a platform event as the contract describes it; it belongs in the DLQ. */
public class UnreadableEvent extends RuntimeException {
    public UnreadableEvent(String reason) {
        super(reason);
    }
}
