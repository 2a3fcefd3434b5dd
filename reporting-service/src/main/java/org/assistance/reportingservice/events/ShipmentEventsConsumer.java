package org.assistance.reportingservice.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads the topic of shipments into the read models. */
@ApplicationScoped
public class ShipmentEventsConsumer {
    private final ReadModels readModels;

    public ShipmentEventsConsumer(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Incoming("assistance-shipments")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        readModels.receive(records);
    }
}
