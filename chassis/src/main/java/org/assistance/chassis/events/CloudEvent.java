package org.assistance.chassis.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One received event: the CloudEvents 1.0 context attributes read from the Kafka headers
 * (binary mode), the typed JSON data, and the distributed-tracing extension ({@link TraceContext}).
 */
public record CloudEvent<T extends AssistanceEvent>(
        UUID id, String source, EventType type, OffsetDateTime time, String subject, T data, TraceContext trace) {
    public static final String SPEC_VERSION = "1.0";
    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_CONTENT_TYPE = "content-type";
    /** The distributed-tracing extension attributes (W3C Trace Context), binary mode like the others. */
    public static final String HEADER_TRACEPARENT = "ce_traceparent";

    public static final String HEADER_TRACESTATE = "ce_tracestate";
    public static final String JSON = "application/json";

    /** The Kafka record of an event in CloudEvents binary mode: headers for the context, JSON data as value. */
    public static ProducerRecord<String, byte[]> toRecord(
            String topic, String typeName, UUID id, String source, OffsetDateTime time, String subject, byte[] json) {
        return toRecord(topic, typeName, id, source, time, subject, json, TraceContext.NONE);
    }

    /** The same, carrying the trace of the work that caused the event (nothing when none is known). */
    public static ProducerRecord<String, byte[]> toRecord(
            String topic,
            String typeName,
            UUID id,
            String source,
            OffsetDateTime time,
            String subject,
            byte[] json,
            TraceContext trace) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, subject, json);
        header(record, HEADER_SPEC_VERSION, SPEC_VERSION);
        header(record, HEADER_ID, id.toString());
        header(record, HEADER_SOURCE, source);
        header(record, HEADER_TYPE, typeName);
        header(record, HEADER_TIME, time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        header(record, HEADER_SUBJECT, subject);
        header(record, HEADER_CONTENT_TYPE, JSON);
        if (trace.traceparent() != null) {
            header(record, HEADER_TRACEPARENT, trace.traceparent());
            if (trace.tracestate() != null) {
                header(record, HEADER_TRACESTATE, trace.tracestate());
            }
        }
        return record;
    }

    /** The record another service would publish for this event (tests, demo data, replays). */
    public static ProducerRecord<String, byte[]> toRecord(
            AssistanceEvent event, UUID id, String source, OffsetDateTime time) {
        EventType type = EventType.of(event);
        return toRecord(type.topic(), type.typeName(), id, source, time, event.aggregateId(), EventCodec.encode(event));
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
