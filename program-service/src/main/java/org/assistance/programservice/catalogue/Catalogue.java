package org.assistance.programservice.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.assistance.chassis.events.CatalogueEvents.ItemPublished;
import org.assistance.chassis.events.CatalogueEvents.ItemWithdrawn;
import org.assistance.chassis.problems.Problem.FieldError;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local copy of the catalogue, kept from equipment-service's compacted catalogue topic, so
 * that an approval never names an item equipment-service could not ship.
 */
@ApplicationScoped
public class Catalogue {

    @Transactional(Transactional.TxType.MANDATORY)
    public void published(ItemPublished published) {
        CatalogueItem item = lockedOrNew(published.itemCode());
        if (!item.isOlderThan(published.publishedAt())) {
            return;
        }
        item.name = published.name();
        item.category = published.category();
        item.dualUse = published.dualUse();
        item.unitPrice = published.unitPrice() == null ? null : published.unitPrice().amount();
        item.unitCurrency = published.unitPrice() == null ? null : published.unitPrice().currency();
        item.withdrawn = false;
        item.withdrawalReason = null;
        item.changedAt = published.publishedAt() == null ? OffsetDateTime.now() : published.publishedAt();
        item.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(ItemWithdrawn withdrawn) {
        CatalogueItem item = lockedOrNew(withdrawn.itemCode());
        if (!item.isOlderThan(withdrawn.withdrawnAt())) {
            return;
        }
        item.withdrawn = true;
        item.withdrawalReason = withdrawn.reason();
        item.changedAt = withdrawn.withdrawnAt() == null ? OffsetDateTime.now() : withdrawn.withdrawnAt();
        item.persist();
    }

    /**
     * The lines (field path → item code) naming an item that is not in the catalogue or was
     * withdrawn from it, each as a field error.
     */
    public List<FieldError> unapprovable(Map<String, String> itemCodeByField) {
        List<FieldError> errors = new ArrayList<>();
        itemCodeByField.forEach((field, code) -> {
            CatalogueItem item = CatalogueItem.findById(code);
            if (item == null) {
                errors.add(new FieldError(field, "item " + code + " is not in the catalogue"));
            } else if (!item.isApprovable()) {
                errors.add(new FieldError(field, "item " + code + " was withdrawn from the catalogue"
                        + (item.withdrawalReason == null ? "" : " (" + item.withdrawalReason + ")")));
            }
        });
        return errors;
    }

    private static CatalogueItem lockedOrNew(String code) {
        CatalogueItem item = CatalogueItem.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            item = new CatalogueItem();
            item.itemCode = code;
        }
        return item;
    }
}
