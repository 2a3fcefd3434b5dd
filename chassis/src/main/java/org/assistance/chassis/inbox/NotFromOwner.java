package org.assistance.chassis.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.Topics;

/**
 * A record whose CloudEvents source is not the service that owns its topic: whoever wrote it
 * (a leaked credential, a misrouted producer) is not trusted, so it is dead-lettered, never handled.
 */
final class NotFromOwner extends RuntimeException {
    NotFromOwner(String topic, String source) {
        super("ce_source '" + source + "' is not "
                + (Topics.expectedSource(topic) == null
                        ? "a publisher of " + topic + " (no owner known)"
                        : "'" + Topics.expectedSource(topic) + "', the owner of " + topic));
    }

    static void check(ConsumerRecord<?, ?> record, CloudEvent<?> event) {
        String expected = Topics.expectedSource(record.topic());
        if (expected == null || !expected.equals(event.source())) {
            throw new NotFromOwner(record.topic(), event.source());
        }
    }
}
