package org.assistance.requestservice.receipts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A shipment on its way to the requesting agency, as equipment-service's events describe it. */
@Entity
@Table(name = "incoming_shipments")
public class IncomingShipment extends PanacheEntityBase {
    public enum Stage { PLANNED, DISPATCHED, DELIVERED, RECEIVED }

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

    /** Moves forward only: a late event never takes a shipment back. */
    void advanceTo(Stage next, OffsetDateTime at) {
        if (next.ordinal() > stage.ordinal()) {
            stage = next;
            updatedAt = at;
        }
    }
}
