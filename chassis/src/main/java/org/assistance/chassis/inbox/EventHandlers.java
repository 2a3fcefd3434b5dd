package org.assistance.chassis.inbox;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventType;

/**
 * What one consumer does with each event type it cares about; other types pass by. The
 * consumer's name keys its memory of handled events, so two read models of one service that
 * read the same event each handle it once.
 */
public final class EventHandlers {
    private final String consumer;
    private final Map<EventType, Consumer<CloudEvent<AssistanceEvent>>> handlers = new EnumMap<>(EventType.class);
    private Runnable first = () -> {};
    private PollHandler together;

    /**
     * Every consumer of this service by name, so that a dead letter can be handed back to the consumer
     * that parked it. A consumer is known once its handlers are made: consumers are {@code @Startup}
     * beans, so that a replay right after a start finds them.
     */
    private static final Map<String, EventHandlers> CONSUMERS = new ConcurrentHashMap<>();

    private EventHandlers(String consumer) {
        this.consumer = consumer;
    }

    public static EventHandlers named(String consumer) {
        EventHandlers handlers = new EventHandlers(consumer);
        CONSUMERS.put(consumer, handlers);
        return handlers;
    }

    /** The handlers of the consumer of this name in this service, if one runs here. */
    public static Optional<EventHandlers> of(String consumer) {
        return Optional.ofNullable(CONSUMERS.get(consumer));
    }

    @SuppressWarnings("unchecked")
    public <T extends AssistanceEvent> EventHandlers on(Class<T> payload, Consumer<CloudEvent<T>> handler) {
        handlers.put(EventType.of(payload), event -> handler.accept((CloudEvent<T>) (CloudEvent<?>) event));
        return this;
    }

    /** The same handler for every type of the contract (read models that record the whole story). */
    public EventHandlers onEveryType(Consumer<CloudEvent<AssistanceEvent>> handler) {
        for (EventType type : EventType.values()) {
            handlers.put(type, handler);
        }
        return this;
    }

    /**
     * Runs at the start of each handling transaction, before the event id is recorded (e.g. to
     * take a lock that a read-model switch-over needs).
     */
    public EventHandlers firstInEachTransaction(Runnable action) {
        this.first = action;
        return this;
    }

    Runnable first() {
        return first;
    }

    /**
     * A poll of several events is handled by {@code handler} at once (the per-type handlers still
     * handle a poll of one, a failed poll again event by event, and a dead letter's replay).
     */
    public EventHandlers togetherInEachPoll(PollHandler handler) {
        this.together = handler;
        return this;
    }

    Optional<PollHandler> together() {
        return Optional.ofNullable(together);
    }

    public String consumer() {
        return consumer;
    }

    /**
     * Whether the record names, in its {@code ce_type} header, a type this consumer has no handler
     * for: it passes by without its data being read. A record without the header is not passed by:
     * decoding finds it unreadable and it is dead-lettered.
     */
    boolean passesBy(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CloudEvent.HEADER_TYPE);
        String type =
                header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
        if (type.isBlank()) {
            return false;
        }
        return EventType.named(type).map(known -> !handlers.containsKey(known)).orElse(true);
    }

    Optional<Consumer<CloudEvent<AssistanceEvent>>> handlerOf(EventType type) {
        return type == null ? Optional.empty() : Optional.ofNullable(handlers.get(type));
    }
}
