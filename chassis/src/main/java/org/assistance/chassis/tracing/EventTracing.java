package org.assistance.chassis.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.TraceContext;

/**
 * Where an event meets a trace. Recording an event opens a short producer span under the work
 * that records it (a request, or the handling of an earlier event) and keeps its W3C context with
 * the event; handling an event runs in a consumer span whose parent is that context. So a
 * request's journey over the services is one trace, whatever the time the events wait in the
 * outbox or on Kafka, and the relay that publishes them later adds no context of its own.
 * A later change of the same request made by another call (a reviewer's decision) is recorded in
 * the request's journey ({@link Journeys}), linked to that call's own trace.
 */
@ApplicationScoped
public class EventTracing {
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapSetter<Map<String, String>> INTO_MAP = (map, key, value) -> map.put(key, value);
    private static final TextMapGetter<TraceContext> FROM_EVENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext trace) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(TraceContext trace, String key) {
            if (trace == null) {
                return null;
            }
            return switch (key) {
                case "traceparent" -> trace.traceparent();
                case "tracestate" -> trace.tracestate();
                default -> null;
            };
        }
    };

    private final Tracer tracer;
    private final Journeys journeys;

    public EventTracing(OpenTelemetry openTelemetry, Journeys journeys) {
        this.tracer = openTelemetry.getTracer("org.assistance.chassis");
        this.journeys = journeys;
    }

    /**
     * Marks the recording of an event in its subject's journey (the current trace when the journey
     * starts here) and returns the context the event carries, so its handlers continue from here.
     * Runs in the transaction that records the event.
     */
    public TraceContext recorded(String typeName, UUID eventId, String topic, String subject) {
        Recording recording = recording(typeName, eventId, topic, subject, false);
        if (recording.beginsJourney()) {
            journeys.remember(subject, recording.carried());
        }
        return recording.carried();
    }

    /**
     * What recording an event means for its subject's journey: the context the event carries, and
     * whether the journey begins with it (the caller then keeps it with {@link Journeys#remember},
     * or in its own statement, see {@link Journeys#REMEMBER_IF}). {@code newSubject}: the event is
     * the first about a subject made in this very transaction (a request just submitted), so its
     * journey begins here and nothing is looked up.
     */
    public Recording recording(String typeName, UUID eventId, String topic, String subject, boolean newSubject) {
        TraceContext journey = newSubject ? TraceContext.NONE : journeys.of(subject);
        Context parent = Context.current();
        SpanContext caller = Span.fromContext(parent).getSpanContext();
        SpanBuilder builder = tracer.spanBuilder("record " + typeName);
        if (journey.traceId() != null && !journey.traceId().equals(caller.getTraceId())) {
            // a change of a request made in a trace of its own (a reviewer's call): its events join
            // the request's journey, and the span keeps a link to the call that made the change
            parent = W3C.extract(Context.root(), journey, FROM_EVENT);
            if (caller.isValid()) {
                builder.addLink(caller);
            }
        }
        Span span = builder.setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "create")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId.toString())
                .setAttribute("cloudevents.event_id", eventId.toString())
                .setAttribute("cloudevents.event_type", typeName)
                .setAttribute("cloudevents.event_subject", subject)
                .startSpan();
        try {
            TraceContext carried = contextOf(parent.with(span));
            return new Recording(carried, journey.traceId() == null && subject != null && carried.traceId() != null);
        } finally {
            span.end();
        }
    }

    /** The context an event carries, and whether its subject's journey begins with it (to be remembered). */
    public record Recording(TraceContext carried, boolean beginsJourney) {}

    /** Runs the handler of an event in a consumer span, child of the context the event carries. */
    public <T extends AssistanceEvent> void handle(
            CloudEvent<T> event, String consumer, Consumer<CloudEvent<T>> handler) {
        journeys.remember(event.subject(), event.trace());
        handleInJourney(event, consumer, handler);
    }

    /**
     * The same, for an event whose journey the caller has remembered already (a poll's journeys in
     * one statement, {@link Journeys#rememberAll}).
     */
    public <T extends AssistanceEvent> void handleInJourney(
            CloudEvent<T> event, String consumer, Consumer<CloudEvent<T>> handler) {
        String typeName = event.type() == null ? "unknown" : event.type().typeName();
        // the event's context, never the current one: in a batch, each event keeps its own causality
        Context parent = W3C.extract(Context.root(), event.trace(), FROM_EVENT);
        Span span = tracer.spanBuilder("process " + typeName)
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("cloudevents.event_id", event.id().toString())
                .setAttribute("cloudevents.event_type", typeName)
                .setAttribute("cloudevents.event_source", event.source())
                .setAttribute("cloudevents.event_subject", event.subject() == null ? "" : event.subject())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            handler.accept(event);
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    /** The W3C context of the current span (none outside any span). */
    public static TraceContext current() {
        return contextOf(Context.current());
    }

    private static TraceContext contextOf(Context context) {
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(context, carrier, INTO_MAP);
        return new TraceContext(carrier.get("traceparent"), carrier.get("tracestate"));
    }
}
