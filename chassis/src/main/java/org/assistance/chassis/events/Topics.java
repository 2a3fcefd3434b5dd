package org.assistance.chassis.events;

import java.util.List;
import java.util.Map;

/**
 * One topic per owning service, keyed by request id (the catalogue by item code), plus a
 * dead-letter topic beside each. Every topic keeps its events for ever: a read model rebuilt a
 * year later must see the whole history (for very long histories, Kafka's tiered storage moves
 * old segments to object storage without changing this).
 */
public final class Topics {
    public static final String REQUESTS = "assistance.requests";
    public static final String REVIEWS = "assistance.reviews";
    public static final String SHIPMENTS = "assistance.shipments";
    /** Compacted: the last event per item code is the item's current state. */
    public static final String CATALOGUE = "assistance.catalogue";

    public static final int PARTITIONS = 6;

    public static final List<String> ALL = List.of(REQUESTS, REVIEWS, SHIPMENTS, CATALOGUE);

    public static final String REQUEST_SERVICE = "request-service";
    public static final String PROGRAM_SERVICE = "program-service";
    public static final String EQUIPMENT_SERVICE = "equipment-service";
    public static final String REPORTING_SERVICE = "reporting-service";
    public static final List<String> SERVICES =
            List.of(REQUEST_SERVICE, PROGRAM_SERVICE, EQUIPMENT_SERVICE, REPORTING_SERVICE);

    /**
     * Who may write each topic: its one publisher, whose Kafka user alone has WRITE on it and
     * whose CloudEvents source ({@code /<service>}) is the only one its consumers accept. The Kafka
     * ACLs of the test broker, the launcher and the Strimzi KafkaUsers are all derived from this
     * and {@link #CONSUMED} (chassis KafkaAccess).
     */
    public static final Map<String, String> OWNERS = Map.of(
            REQUESTS, REQUEST_SERVICE,
            REVIEWS, PROGRAM_SERVICE,
            SHIPMENTS, EQUIPMENT_SERVICE,
            CATALOGUE, EQUIPMENT_SERVICE);

    /** What each service reads (reporting-service's rebuild replays every topic from the beginning). */
    public static final Map<String, List<String>> CONSUMED = Map.of(
            REQUEST_SERVICE, List.of(REVIEWS, SHIPMENTS, CATALOGUE),
            PROGRAM_SERVICE, List.of(REQUESTS, CATALOGUE),
            EQUIPMENT_SERVICE, List.of(REQUESTS, REVIEWS),
            REPORTING_SERVICE, ALL);

    private Topics() {}

    /** The service that publishes the topic, or null for a topic that is not the platform's. */
    public static String owner(String topic) {
        return OWNERS.get(topic);
    }

    /** The CloudEvents source every event on the topic carries: {@code /<owner>}. */
    public static String expectedSource(String topic) {
        String owner = owner(topic);
        return owner == null ? null : "/" + owner;
    }

    public static List<String> ownedBy(String service) {
        return ALL.stream().filter(topic -> service.equals(OWNERS.get(topic))).toList();
    }

    public static List<String> consumedBy(String service) {
        return CONSUMED.getOrDefault(service, List.of());
    }

    public static String deadLetters(String topic) {
        return topic + ".dlq";
    }

    /** The topic configuration every place that creates topics sets (provisioner, launcher, Strimzi, Compose). */
    public static Map<String, String> config(String topic) {
        return Map.of(
                "retention.ms",
                "-1",
                "retention.bytes",
                "-1",
                "cleanup.policy",
                CATALOGUE.equals(topic) ? "compact" : "delete");
    }
}
