package org.assistance.requestservice.catalogue;

import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.assistance.chassis.catalogue.CatalogueCopy;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CatalogueEvents.ItemPublished;
import org.assistance.chassis.events.CatalogueEvents.ItemWithdrawn;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.Values.Money;
import org.assistance.testsupport.BrokerClient;

/**
 * What equipment-service publishes about its catalogue, sent onto the real broker; each call
 * waits until request-service's copy has it, so a submission naming the item is accepted.
 */
public final class CatalogueItems {
    private static final Set<String> PUBLISHED = ConcurrentHashMap.newKeySet();

    private CatalogueItems() {}

    /** Publishes the item once per test run and waits until the local copy offers it. */
    public static void published(String itemCode) {
        if (PUBLISHED.add(itemCode)) {
            send(new ItemPublished(
                    itemCode,
                    "Item " + itemCode,
                    "FORENSIC_IT",
                    false,
                    new Money(new BigDecimal("1000.00"), "EUR"),
                    OffsetDateTime.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> refusal(itemCode).isEmpty());
    }

    public static void withdrawn(String itemCode, String reason) {
        send(new ItemWithdrawn(itemCode, reason, OffsetDateTime.now()));
        PUBLISHED.remove(itemCode);
        await().atMost(Duration.ofSeconds(30)).until(() -> refusal(itemCode).isPresent());
    }

    private static void send(AssistanceEvent event) {
        BrokerClient.send(CloudEvent.toRecord(event, UUID.randomUUID(), "/equipment-service", OffsetDateTime.now()));
    }

    private static Optional<String> refusal(String itemCode) {
        CatalogueCopy catalogue = Arc.container().instance(CatalogueCopy.class).get();
        return QuarkusTransaction.requiringNew().call(() -> catalogue.unavailable(Map.of("item", itemCode))).stream()
                .map(line -> line.message().english())
                .findFirst();
    }
}
