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

    private Topics() {
    }

    public static String deadLetters(String topic) {
        return topic + ".dlq";
    }

    /** The topic configuration every place that creates topics sets (provisioner, launcher, Strimzi, Compose). */
    public static Map<String, String> config(String topic) {
        return Map.of("retention.ms", "-1", "retention.bytes", "-1",
                "cleanup.policy", CATALOGUE.equals(topic) ? "compact" : "delete");
    }
}
