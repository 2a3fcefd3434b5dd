package org.assistance.chassis.events;

/**
 * The CloudEvents distributed-tracing extension of one event: the W3C Trace Context of the work
 * that caused it ({@code traceparent}, and {@code tracestate} when a tracing system added one).
 * It travels with the event (in the outbox row, then as the {@code ce_traceparent} and
 * {@code ce_tracestate} Kafka headers) so the handling of the event continues the same trace.
 * Either value may be null: events recorded before traces existed carry none.
 */
public record TraceContext(String traceparent, String tracestate) {
    /** No trace known: the handling of such an event starts a trace of its own. */
    public static final TraceContext NONE = new TraceContext(null, null);
    /** W3C's limit for tracestate; a longer one (not from a conforming tracer) is dropped rather than stored. */
    public static final int MAX_TRACESTATE_LENGTH = 512;

    public TraceContext {
        if (traceparent != null && traceparent.isBlank()) {
            traceparent = null;
        }
        if (tracestate != null && (tracestate.isBlank() || tracestate.length() > MAX_TRACESTATE_LENGTH)) {
            tracestate = null;
        }
    }

    /** The trace id (32 hex digits) of a well-formed traceparent {@code 00-<trace id>-<span id>-<flags>}, else null. */
    public String traceId() {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
    }
}
