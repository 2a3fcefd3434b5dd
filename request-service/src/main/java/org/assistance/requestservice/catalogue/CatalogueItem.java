package org.assistance.requestservice.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An item of equipment-service's catalogue as its last event described it. */
@Entity
@Table(name = "catalogue_items")
public class CatalogueItem extends PanacheEntityBase {
    @Id
    @Column(name = "item_code")
    public String itemCode;
    public String name;
    public String category;
    public boolean withdrawn;
    @Column(name = "withdrawn_reason")
    public String withdrawnReason;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    /** Events of one item arrive in order (one key, one partition); an older one is still never applied over a newer. */
    boolean isNewerThan(OffsetDateTime at) {
        return changedAt != null && at != null && changedAt.isAfter(at);
    }

    void publish(String name, String category, OffsetDateTime at) {
        if (isNewerThan(at)) {
            return;
        }
        this.name = name;
        this.category = category;
        this.withdrawn = false;
        this.withdrawnReason = null;
        this.changedAt = at;
    }

    void withdraw(String reason, OffsetDateTime at) {
        if (isNewerThan(at)) {
            return;
        }
        this.withdrawn = true;
        this.withdrawnReason = reason;
        this.changedAt = at;
    }
}
