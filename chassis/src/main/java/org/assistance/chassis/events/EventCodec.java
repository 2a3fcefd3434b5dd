package org.assistance.chassis.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * JSON for event data, and the reading of a Kafka record as a CloudEvent. Unknown fields are
 * ignored (the evolution rule); anything else that does not fit the contract is unreadable.
 */
public final class EventCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private EventCodec() {}

    public static byte[] encode(AssistanceEvent event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    public static String encodeAsString(AssistanceEvent event) {
        return new String(encode(event), StandardCharsets.UTF_8);
    }

    /** Reads a record written by any platform service. Unknown types come back with a null type. */
    public static CloudEvent<AssistanceEvent> decode(ConsumerRecord<String, byte[]> record) {
        String specVersion = header(record, CloudEvent.HEADER_SPEC_VERSION);
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new UnreadableEvent("not a CloudEvents 1.0 record (ce_specversion=" + specVersion + ")");
        }
        String typeName = required(record, CloudEvent.HEADER_TYPE);
        UUID id;
        try {
            id = UUID.fromString(required(record, CloudEvent.HEADER_ID));
        } catch (IllegalArgumentException e) {
            throw new UnreadableEvent("ce_id is not a UUID");
        }
        String source = required(record, CloudEvent.HEADER_SOURCE);
        OffsetDateTime time = null;
        String timeHeader = header(record, CloudEvent.HEADER_TIME);
        if (timeHeader != null) {
            try {
                time = OffsetDateTime.parse(timeHeader);
            } catch (DateTimeParseException e) {
                throw new UnreadableEvent("ce_time is not an RFC 3339 time: " + timeHeader);
            }
        }
        String subject = header(record, CloudEvent.HEADER_SUBJECT);
        // a malformed trace context never makes an event unreadable: its handling then starts a trace of its own
        TraceContext trace = new TraceContext(
                header(record, CloudEvent.HEADER_TRACEPARENT), header(record, CloudEvent.HEADER_TRACESTATE));
        EventType type = EventType.named(typeName).orElse(null);
        if (type == null) {
            return new CloudEvent<>(id, source, null, time, subject, null, trace);
        }
        String contentType = header(record, CloudEvent.HEADER_CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(CloudEvent.JSON)) {
            throw new UnreadableEvent("data content type " + contentType + " is not " + CloudEvent.JSON);
        }
        if (record.value() == null) {
            throw new UnreadableEvent("no data");
        }
        AssistanceEvent data;
        try {
            data = JSON.readValue(record.value(), type.payload());
        } catch (IOException e) {
            throw new UnreadableEvent("data is not a valid " + typeName + ": " + firstLine(e.getMessage()));
        }
        String aggregate = data.aggregateId();
        if (aggregate == null) {
            throw new UnreadableEvent("data has no requestId");
        }
        if (record.key() != null && !record.key().equals(aggregate)) {
            throw new UnreadableEvent("key " + record.key() + " is not the event's subject " + aggregate);
        }
        return new CloudEvent<>(id, source, type, time, subject, data, trace);
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new UnreadableEvent("missing CloudEvents header " + name);
        }
        return value;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
