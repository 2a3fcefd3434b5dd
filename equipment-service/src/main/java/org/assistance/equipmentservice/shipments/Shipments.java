package org.assistance.equipmentservice.shipments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.UnreadableEvent;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.equipmentservice.catalogue.CatalogueItem;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Plans shipments for approved equipment and records their events. */
@ApplicationScoped
public class Shipments {
    static final String DEFAULT_WAREHOUSE = "MAIN";
    private final Outbox outbox;

    public Shipments(Outbox outbox) {
        this.outbox = outbox;
    }

    /** One planned shipment for the approved lines; an item missing from the catalogue is a bad event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void approved(RequestApproved approval) {
        if (approval.equipmentLines() == null || approval.equipmentLines().isEmpty()
                || Shipment.count("requestId", approval.requestId()) > 0) {
            return;
        }
        List<ShipmentLine> lines = new ArrayList<>();
        for (EquipmentLine line : approval.equipmentLines()) {
            CatalogueItem item = CatalogueItem.findById(line.itemCode());
            if (item == null) {
                throw new UnreadableEvent("approved item " + line.itemCode() + " is not in the catalogue");
            }
            lines.add(new ShipmentLine(item.code, item.name, item.category.name(), item.dualUse, line.quantity(),
                    item.unitPrice()));
        }
        Shipment shipment = Shipment.plan(approval.requestId(), approval.agencyId(), approval.country(),
                DEFAULT_WAREHOUSE, lines, OffsetDateTime.now());
        shipment.persist();
        outbox.record(shipment.plannedEvent());
    }
}
