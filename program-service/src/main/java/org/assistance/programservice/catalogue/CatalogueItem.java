package org.assistance.programservice.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An item of equipment-service's catalogue as program-service knows it from the catalogue's
 * events: what a reviewer may approve (published, not withdrawn).
 */
@Entity
@Table(name = "catalogue_items")
public class CatalogueItem extends PanacheEntityBase {
    @Id
    @Column(name = "item_code")
    public String itemCode;
    public String name;
    public String category;
    @Column(name = "dual_use")
    public boolean dualUse;
    @Column(name = "unit_price")
    public BigDecimal unitPrice;
    @Column(name = "unit_currency")
    public String unitCurrency;
    public boolean withdrawn;
    @Column(name = "withdrawal_reason")
    public String withdrawalReason;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    /** Whether an event of this time is newer than what the copy holds (a replay never turns it back). */
    boolean isOlderThan(OffsetDateTime at) {
        return changedAt == null || at == null || !at.isBefore(changedAt);
    }

    public boolean isApprovable() {
        return !withdrawn;
    }
}
