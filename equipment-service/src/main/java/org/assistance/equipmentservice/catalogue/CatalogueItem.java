package org.assistance.equipmentservice.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.assistance.chassis.events.CatalogueEvents.ItemPublished;
import org.assistance.chassis.events.CatalogueEvents.ItemWithdrawn;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.texts.Text;

/**
 * An item partners can ask for: what it is, what it costs, and whether export controls may apply.
 * A withdrawn item stays (shipments and histories name it) but can no longer be asked for or approved.
 */
@Entity
@Table(name = "catalogue_items")
public class CatalogueItem extends PanacheEntityBase {
    /** What an item code is made of (so a code with anything else is refused before it is looked up). */
    public static final String CODE = "[A-Z0-9][A-Z0-9-]*";

    /** What a code that is not one is told (the text {@code item.code} of the bundles). */
    public static final String CODE_MESSAGE = "{item.code}";

    @Id
    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public ItemCategory category;

    @Column(name = "unit_cost")
    public BigDecimal unitCost;

    public String currency;

    @Column(name = "dual_use")
    public boolean dualUse;
    /** Free text such as 5A002 (EU dual-use list); empty when not controlled. */
    @Column(name = "export_control_class")
    public String exportControlClass;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    public Money unitPrice() {
        return new Money(unitCost, currency);
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    /** Sets what the item is; a withdrawn item is history and is not described anew. */
    void describe(String itemName, ItemCategory itemCategory, Money price, boolean isDualUse, String controlClass) {
        if (isWithdrawn()) {
            throw DomainRuleViolation.conflict(
                    Text.of("item.withdrawn-unchangeable", "item", code, "withdrawnAt", String.valueOf(withdrawnAt)));
        }
        name = itemName;
        category = itemCategory;
        unitCost = price.amount();
        currency = price.currency();
        dualUse = isDualUse;
        exportControlClass = controlClass;
    }

    void withdraw(String reason, String by, OffsetDateTime at) {
        if (isWithdrawn()) {
            throw DomainRuleViolation.conflict(
                    Text.of("item.withdrawn-already", "item", code, "withdrawnAt", String.valueOf(withdrawnAt)));
        }
        withdrawnAt = at;
        withdrawalReason = reason;
        withdrawnBy = by;
    }

    ItemPublished publishedEvent(OffsetDateTime at) {
        return new ItemPublished(code, name, category.name(), dualUse, unitPrice(), at);
    }

    ItemWithdrawn withdrawnEvent() {
        return new ItemWithdrawn(code, withdrawalReason, withdrawnAt);
    }
}
