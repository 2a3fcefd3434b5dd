package org.assistance.equipmentservice.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** How many of an item a warehouse holds, and how many of those are reserved for planned shipments. */
@Entity
@Table(name = "stock_levels")
public class StockLevel extends PanacheEntityBase {
    /** The most one warehouse counts of an item (well inside the int columns, so no sum ever overflows). */
    public static final int MAX_ON_HAND = 1_000_000_000;

    @EmbeddedId
    public Key key;

    @Column(name = "on_hand")
    public int onHand;

    public int reserved;

    @Embeddable
    public record Key(
            @Column(name = "warehouse") String warehouse,
            @Column(name = "item_code") String itemCode) implements Serializable {}

    public int free() {
        return onHand - reserved;
    }
}
