package org.assistance.equipmentservice.shipments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Equipment on its way to a requesting State's authority. */
@Entity
@Table(name = "shipments")
public class Shipment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "agency_id")
    public String agencyId;
    @Column(name = "destination_country")
    public String destinationCountry;
    public String warehouse;
    @Enumerated(EnumType.STRING)
    public ShipmentStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ShipmentLine> lines;
    @Column(name = "planned_at")
    public OffsetDateTime plannedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    static Shipment plan(UUID requestId, String agencyId, String destination, String warehouse,
                         List<ShipmentLine> lines, OffsetDateTime at) {
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.requestId = requestId;
        shipment.agencyId = agencyId;
        shipment.destinationCountry = destination;
        shipment.warehouse = warehouse;
        shipment.status = ShipmentStatus.PLANNED;
        shipment.lines = lines;
        shipment.plannedAt = at;
        shipment.updatedAt = at;
        return shipment;
    }

    /** Total value per currency is the caller's concern; lines of one shipment share the catalogue's currency. */
    Money value() {
        if (lines.isEmpty()) {
            return null;
        }
        String currency = lines.get(0).unitCost().currency();
        BigDecimal total = lines.stream()
                .map(l -> l.unitCost().amount().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Money(total, currency);
    }

    ShipmentPlanned plannedEvent() {
        return new ShipmentPlanned(requestId, id, agencyId, destinationCountry, warehouse, lines, value(), plannedAt);
    }
}
