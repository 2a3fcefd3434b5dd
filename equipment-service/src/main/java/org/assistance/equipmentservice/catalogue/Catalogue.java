package org.assistance.equipmentservice.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.equipmentservice.UniqueRows;

import java.time.OffsetDateTime;

/**
 * Changes to the catalogue, each published on assistance.catalogue (keyed by item code) in the
 * same transaction, so request- and program-service's copies know every item before approval.
 */
@ApplicationScoped
public class Catalogue {
    private final Outbox outbox;

    public Catalogue(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public CatalogueItem add(String code, String name, ItemCategory category, Money unitPrice, boolean dualUse,
                             String exportControlClass) {
        if (CatalogueItem.findById(code) != null) {
            throw DomainRuleViolation.conflict("Item " + code + " is already in the catalogue");
        }
        CatalogueItem item = new CatalogueItem();
        item.code = code;
        item.describe(name, category, unitPrice, dualUse, exportControlClass);
        UniqueRows.insert(item, "Item " + code + " is already in the catalogue");
        outbox.record(item.publishedEvent(OffsetDateTime.now()));
        return item;
    }

    @Transactional
    public CatalogueItem change(String code, String name, ItemCategory category, Money unitPrice, boolean dualUse,
                                String exportControlClass) {
        CatalogueItem item = locked(code);
        item.describe(name, category, unitPrice, dualUse, exportControlClass);
        outbox.record(item.publishedEvent(OffsetDateTime.now()));
        return item;
    }

    @Transactional
    public CatalogueItem withdraw(String code, String reason, String by) {
        CatalogueItem item = locked(code);
        item.withdraw(reason, by, OffsetDateTime.now());
        outbox.record(item.withdrawnEvent());
        return item;
    }

    private static CatalogueItem locked(String code) {
        CatalogueItem item = CatalogueItem.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            throw DomainRuleViolation.notFound("Item " + code);
        }
        return item;
    }
}
