package org.assistance.equipmentservice.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.texts.Text;

/**
 * Changes to the catalogue, each published on assistance.catalogue (keyed by item code) in the
 * same transaction, so request- and program-service's copies know every item before approval,
 * and each in the audit trail (kind {@value #AUDIT_KIND}) with the item before and after.
 */
@ApplicationScoped
public class Catalogue {
    static final String AUDIT_KIND = "catalogue-item";

    private final Outbox outbox;
    private final AuditTrail audit;

    public Catalogue(Outbox outbox, AuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Items by code, of a category if given, after the code {@code after} if given; one more than {@code limit}. */
    public List<CatalogueItem> page(ItemCategory category, String after, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (category != null) {
            query.append(" and category = :category");
            params.put("category", category);
        }
        if (after != null) {
            query.append(" and code > :after");
            params.put("after", after);
        }
        return CatalogueItem.<CatalogueItem>find(query.append(" order by code").toString(), params)
                .range(0, limit)
                .list();
    }

    public CatalogueItem get(String code) {
        CatalogueItem item = CatalogueItem.findById(code);
        if (item == null) {
            throw DomainRuleViolation.notFound(Text.of("item.not-found", "item", code));
        }
        return item;
    }

    @Transactional
    public CatalogueItem add(
            String code,
            String name,
            ItemCategory category,
            Money unitPrice,
            boolean dualUse,
            String exportControlClass) {
        if (CatalogueItem.findById(code) != null) {
            throw DomainRuleViolation.conflict(Text.of("item.exists", "item", code));
        }
        CatalogueItem item = new CatalogueItem();
        item.code = code;
        item.describe(name, category, unitPrice, dualUse, exportControlClass);
        UniqueRows.insert(item, Text.of("item.exists", "item", code));
        outbox.record(item.publishedEvent(OffsetDateTime.now()));
        audit.created(AUDIT_KIND, code, CatalogueItemView.of(item));
        return item;
    }

    @Transactional
    public CatalogueItem change(
            String code,
            String name,
            ItemCategory category,
            Money unitPrice,
            boolean dualUse,
            String exportControlClass) {
        CatalogueItem item = locked(code);
        CatalogueItemView before = CatalogueItemView.of(item);
        item.describe(name, category, unitPrice, dualUse, exportControlClass);
        outbox.record(item.publishedEvent(OffsetDateTime.now()));
        audit.changed(AUDIT_KIND, code, before, CatalogueItemView.of(item));
        return item;
    }

    @Transactional
    public CatalogueItem withdraw(String code, String reason, String by) {
        CatalogueItem item = locked(code);
        CatalogueItemView before = CatalogueItemView.of(item);
        item.withdraw(reason, by, OffsetDateTime.now());
        outbox.record(item.withdrawnEvent());
        // withdrawn, not removed: the item stays for the shipments and histories that name it
        audit.record(AUDIT_KIND, code, "withdrawn", before, CatalogueItemView.of(item));
        return item;
    }

    private static CatalogueItem locked(String code) {
        CatalogueItem item = CatalogueItem.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            throw DomainRuleViolation.notFound(Text.of("item.not-found", "item", code));
        }
        return item;
    }
}
