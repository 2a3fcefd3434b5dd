package org.assistance.programservice.catalogue;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.assistance.chassis.catalogue.CatalogueCopy;
import org.assistance.chassis.events.CatalogueEvents.ItemPublished;
import org.assistance.chassis.events.CatalogueEvents.ItemWithdrawn;
import org.assistance.chassis.inbox.EventHandlers;
import org.assistance.chassis.inbox.EventInbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the local catalogue copy from equipment-service's compacted catalogue topic. */
@ApplicationScoped
@Startup // its handlers known from the start, so a dead letter can be replayed before its next event arrives
public class CatalogueEventsConsumer {
    private final EventInbox inbox;
    private final EventHandlers handlers;

    public CatalogueEventsConsumer(EventInbox inbox, CatalogueCopy catalogue) {
        this.inbox = inbox;
        this.handlers = EventHandlers.named("catalogue-copy")
                .on(ItemPublished.class, e -> catalogue.published(e.data()))
                .on(ItemWithdrawn.class, e -> catalogue.withdrawn(e.data()));
    }

    @Incoming("assistance-catalogue")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.receiveAll(records, handlers);
    }
}
