package org.assistance.equipmentservice.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.assistance.chassis.events.Values.Money;

import java.math.BigDecimal;

/** An item partners can ask for: what it is, what it costs, and whether export controls may apply. */
@Entity
@Table(name = "catalogue_items")
public class CatalogueItem extends PanacheEntityBase {
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

    public Money unitPrice() {
        return new Money(unitCost, currency);
    }
}
