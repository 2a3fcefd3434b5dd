package org.assistance.requestservice.receipts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A shipment on its way to the requesting agency, as equipment-service's events describe it. */
@Entity
@Table(name = "incoming_shipments")
public class IncomingShipment extends PanacheEntityBase {
    public enum Stage {
        PLANNED,
        DISPATCHED,
        DELIVERED,
        RECEIVED,
        CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "request_id")
    public UUID requestId;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ShipmentLine> lines;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Stage stage;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Moves forward only: a late event never takes a shipment back, nor revives a cancelled one. */
    void advanceTo(Stage next, OffsetDateTime at) {
        if (stage != Stage.CANCELLED && next.ordinal() > stage.ordinal()) {
            stage = next;
            updatedAt = at;
        }
    }

    void cancel(OffsetDateTime at) {
        if (stage == Stage.PLANNED || stage == Stage.DISPATCHED) {
            stage = Stage.CANCELLED;
            updatedAt = at;
        }
    }

    /** Takes the removed units out of the shipment's lines; a line left with none goes. */
    void remove(List<ShipmentLine> removed, OffsetDateTime at) {
        List<ShipmentLine> remaining = new ArrayList<>();
        for (ShipmentLine line : lines) {
            int units = line.quantity()
                    - removed.stream()
                            .filter(r -> r.itemCode().equals(line.itemCode()))
                            .mapToInt(ShipmentLine::quantity)
                            .sum();
            if (units > 0) {
                remaining.add(new ShipmentLine(
                        line.itemCode(), line.itemName(), line.category(), line.dualUse(), units, line.unitCost()));
            }
        }
        lines = remaining;
        updatedAt = at;
    }
}
