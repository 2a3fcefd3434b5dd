package org.assistance.chassis.asyncapi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.Topics;

/**
 * The AsyncAPI 3.0 description of every channel and event of the platform, derived from the
 * payload records themselves so the document cannot drift from the contract.
 */
public final class AsyncApiDocument {
    /** Who publishes each topic: the one description the ACLs and the consumers' source check also use. */
    private static final Map<String, String> OWNERS = Topics.OWNERS;

    private AsyncApiDocument() {}

    public static Map<String, Object> build() {
        Map<String, Object> schemas = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();

        for (String topic : Topics.ALL) {
            Map<String, Object> channelMessages = new LinkedHashMap<>();
            for (EventType type : EventType.values()) {
                if (!type.topic().equals(topic)) {
                    continue;
                }
                String schemaName = schemaFor(type.payload(), schemas);
                messages.put(
                        type.typeName(),
                        map(
                                "name", type.typeName(),
                                "title", type.payload().getSimpleName(),
                                "contentType", "application/json",
                                "headers", map("$ref", "#/components/schemas/CloudEventHeaders"),
                                "payload", map("$ref", "#/components/schemas/" + schemaName),
                                "bindings", map("kafka", map("key", keySchema(topic), "bindingVersion", "0.5.0"))));
                channelMessages.put(type.typeName(), map("$ref", "#/components/messages/" + type.typeName()));
            }
            channels.put(
                    topic,
                    map(
                            "address",
                            topic,
                            "description",
                            "Published by " + OWNERS.get(topic) + " through its transactional outbox; "
                                    + Topics.PARTITIONS + " partitions, "
                                    + (Topics.CATALOGUE.equals(topic)
                                            ? "keyed by item code and compacted (the last event per item is its state)"
                                            : "keyed by request id")
                                    + "; events are kept for ever",
                            "messages",
                            channelMessages,
                            "bindings",
                            map(
                                    "kafka",
                                    map(
                                            "topic",
                                            topic,
                                            "partitions",
                                            Topics.PARTITIONS,
                                            "topicConfiguration",
                                            topicConfiguration(topic),
                                            "bindingVersion",
                                            "0.5.0"))));
            channels.put(
                    Topics.deadLetters(topic),
                    map(
                            "address", Topics.deadLetters(topic),
                            "description",
                                    "Records of " + topic + " that a consumer could not handle, unchanged, with "
                                            + "dlq-reason, dlq-exception, dlq-consumer and dlq-original-* headers",
                            "bindings",
                                    map(
                                            "kafka",
                                            map(
                                                    "topic",
                                                    Topics.deadLetters(topic),
                                                    "partitions",
                                                    Topics.PARTITIONS,
                                                    "topicConfiguration",
                                                    topicConfiguration(Topics.deadLetters(topic)),
                                                    "bindingVersion",
                                                    "0.5.0"))));
            operations.put(
                    "publish-" + topic,
                    map(
                            "action",
                            "send",
                            "channel",
                            map("$ref", "#/channels/" + topic.replace("/", "~1")),
                            "summary",
                            OWNERS.get(topic) + " publishes"));
        }
        schemas.put(
                "CloudEventHeaders",
                map(
                        "type",
                        "object",
                        "description",
                        "CloudEvents 1.0, Kafka protocol binding, binary content mode",
                        "required",
                        List.of(
                                "ce_specversion",
                                "ce_id",
                                "ce_source",
                                "ce_type",
                                "ce_time",
                                "ce_subject",
                                "content-type"),
                        "properties",
                        map(
                                "ce_specversion", map("type", "string", "const", "1.0"),
                                "ce_id", map("type", "string", "format", "uuid"),
                                "ce_source", map("type", "string", "examples", List.of("/request-service")),
                                "ce_type",
                                        map("type", "string", "examples", List.of("assistance.request.submitted.v1")),
                                "ce_time", map("type", "string", "format", "date-time"),
                                "ce_subject",
                                        map(
                                                "type",
                                                "string",
                                                "description",
                                                "the Kafka key: the request id (the item code on the catalogue topic)"),
                                "content-type", map("type", "string", "const", "application/json"),
                                // the CloudEvents distributed-tracing extension: the W3C Trace Context of the work
                                // that recorded the event; a consumer handles the event as a child of it
                                "ce_traceparent",
                                        map(
                                                "type",
                                                "string",
                                                "pattern",
                                                "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                                                "description",
                                                "W3C traceparent of the work that recorded the event "
                                                        + "(CloudEvents distributed-tracing extension); absent on events "
                                                        + "recorded outside any trace or before traces existed",
                                                "examples",
                                                List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")),
                                "ce_tracestate",
                                        map(
                                                "type",
                                                "string",
                                                "maxLength",
                                                512,
                                                "description",
                                                "W3C tracestate, present only when a tracing system set one"))));

        return map(
                "asyncapi",
                "3.0.0",
                "info",
                map(
                        "title",
                        "Technical assistance platform events",
                        "version",
                        "1.0.0",
                        "description",
                        "Every event is a CloudEvents 1.0 record in Kafka binary mode with JSON data. "
                                + "Consumers ignore unknown fields; a breaking change is a new vN type."),
                "defaultContentType",
                "application/json",
                "channels",
                channels,
                "operations",
                operations,
                "components",
                map("messages", messages, "schemas", schemas));
    }

    private static Map<String, Object> keySchema(String topic) {
        return Topics.CATALOGUE.equals(topic)
                ? map("type", "string", "description", "the item code")
                : map(
                        "type",
                        "string",
                        "description",
                        "the request id (programme:<code> for programme events, webhook:<id> for a partner's webhook "
                                + "subscription, country:<code> for a State's national priorities)");
    }

    /** The settings every place that creates the topic applies (Topics#config), as the Kafka binding names them. */
    private static Map<String, Object> topicConfiguration(String topic) {
        Map<String, String> config = Topics.config(topic);
        return map(
                "cleanup.policy",
                List.of(config.get("cleanup.policy")),
                "retention.ms",
                Long.parseLong(config.get("retention.ms")),
                "retention.bytes",
                Long.parseLong(config.get("retention.bytes")));
    }

    /** Adds the JSON schema of a record (and the records it contains); returns its name. */
    static String schemaFor(Class<?> recordType, Map<String, Object> schemas) {
        String name = recordType.getSimpleName();
        if (schemas.containsKey(name)) {
            return name;
        }
        schemas.put(name, Map.of()); // placeholder against cycles
        Map<String, Object> properties = new LinkedHashMap<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            properties.put(component.getName(), typeSchema(component.getGenericType(), schemas));
        }
        schemas.put(name, map("type", "object", "properties", properties));
        return name;
    }

    private static Object typeSchema(Type type, Map<String, Object> schemas) {
        if (type instanceof ParameterizedType parameterized
                && parameterized.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return map("type", "array", "items", typeSchema(parameterized.getActualTypeArguments()[0], schemas));
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return map("type", "string");
        } else if (c == UUID.class) {
            return map("type", "string", "format", "uuid");
        } else if (c == int.class || c == long.class || c == Integer.class || c == Long.class) {
            return map("type", "integer");
        } else if (c == boolean.class || c == Boolean.class) {
            return map("type", "boolean");
        } else if (c == BigDecimal.class) {
            return map("type", "number", "description", "exact decimal");
        } else if (c == LocalDate.class) {
            return map("type", "string", "format", "date");
        } else if (c == OffsetDateTime.class || c == Instant.class) {
            return map("type", "string", "format", "date-time");
        } else if (c.isRecord()) {
            return map("$ref", "#/components/schemas/" + schemaFor(c, schemas));
        }
        throw new IllegalArgumentException("No AsyncAPI schema for " + c);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
