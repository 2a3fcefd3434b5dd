package org.assistance.chassis.events;

import java.util.List;

/** One topic per owning service, keyed by request id, plus a dead-letter topic beside each. */
public final class Topics {
    public static final String REQUESTS = "assistance.requests";
    public static final String REVIEWS = "assistance.reviews";
    public static final String SHIPMENTS = "assistance.shipments";
    public static final int PARTITIONS = 6;

    public static final List<String> ALL = List.of(REQUESTS, REVIEWS, SHIPMENTS);

    private Topics() {
    }

    public static String deadLetters(String topic) {
        return topic + ".dlq";
    }
}
