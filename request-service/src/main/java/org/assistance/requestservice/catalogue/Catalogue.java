package org.assistance.requestservice.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.assistance.chassis.events.CatalogueEvents.ItemPublished;
import org.assistance.chassis.events.CatalogueEvents.ItemWithdrawn;
import org.assistance.requestservice.requests.ItemAvailability;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The local copy of equipment-service's catalogue, kept from its compacted topic: lets a
 * submission naming an item that cannot be delivered be refused at once, not dead-lettered later.
 */
@ApplicationScoped
public class Catalogue implements ItemAvailability {

    @Transactional(Transactional.TxType.MANDATORY)
    public void published(ItemPublished event) {
        item(event.itemCode(), event.publishedAt()).publish(event.name(), event.category(), event.publishedAt());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(ItemWithdrawn event) {
        item(event.itemCode(), event.withdrawnAt()).withdraw(event.reason(), event.withdrawnAt());
    }

    private static CatalogueItem item(String code, OffsetDateTime at) {
        CatalogueItem item = CatalogueItem.findById(code);
        if (item == null) {
            item = new CatalogueItem();
            item.itemCode = code;
            item.changedAt = at;
            item.persist();
        }
        return item;
    }

    @Override
    public Optional<String> refusal(String itemCode) {
        CatalogueItem item = CatalogueItem.findById(itemCode);
        if (item == null) {
            return Optional.of("item " + itemCode + " is not in the catalogue");
        }
        if (item.withdrawn) {
            return Optional.of("item " + itemCode + " was withdrawn from the catalogue"
                    + (item.withdrawnReason == null || item.withdrawnReason.isBlank() ? "" : ": " + item.withdrawnReason));
        }
        return Optional.empty();
    }

    /** The item's name for people, when the catalogue knows it. */
    public Optional<String> nameOf(String itemCode) {
        CatalogueItem item = CatalogueItem.findById(itemCode);
        return item == null ? Optional.empty() : Optional.ofNullable(item.name);
    }
}
