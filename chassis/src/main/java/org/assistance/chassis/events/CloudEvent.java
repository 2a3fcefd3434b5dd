package org.assistance.chassis.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One received event: the CloudEvents 1.0 context attributes read from the Kafka headers
 * (binary mode) and the typed JSON data.
 */
public record CloudEvent<T extends AssistanceEvent>(UUID id, String source, EventType type, OffsetDateTime time,
                                                     String subject, T data) {
    public static final String SPEC_VERSION = "1.0";
    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";
}
