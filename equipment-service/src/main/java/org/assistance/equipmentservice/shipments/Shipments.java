package org.assistance.equipmentservice.shipments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCleared;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentMilestone;
import org.assistance.chassis.events.ShipmentEvents.ShipmentReceived;
import org.assistance.chassis.events.UnreadableEvent;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.equipmentservice.catalogue.CatalogueItem;
import org.assistance.equipmentservice.screening.Screening;
import org.assistance.equipmentservice.stock.Stock;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Plans shipments for approved equipment (reserving stock, split by warehouse, the rest
 * back-ordered), screens them, and moves them along their journey; every change records its
 * event, keyed by the request id.
 */
@ApplicationScoped
public class Shipments {
    private static final Logger LOG = Logger.getLogger(Shipments.class);
    private final Outbox outbox;
    private final Stock stock;
    private final Screening screening;

    public Shipments(Outbox outbox, Stock stock, Screening screening) {
        this.outbox = outbox;
        this.stock = stock;
        this.screening = screening;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void approved(RequestApproved approval) {
        if (approval.equipmentLines() == null || approval.equipmentLines().isEmpty()
                || Shipment.count("requestId", approval.requestId()) > 0
                || Backorder.count("requestId", approval.requestId()) > 0) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        Map<String, List<ShipmentLine>> byWarehouse = new LinkedHashMap<>();
        for (EquipmentLine line : approval.equipmentLines()) {
            CatalogueItem item = CatalogueItem.findById(line.itemCode());
            if (item == null) {
                throw new UnreadableEvent("approved item " + line.itemCode() + " is not in the catalogue");
            }
            int reserved = 0;
            for (Stock.Allocation allocation : stock.reserve(item.code, line.quantity())) {
                byWarehouse.computeIfAbsent(allocation.warehouse(), w -> new ArrayList<>())
                        .add(new ShipmentLine(item.code, item.name, item.category.name(), item.dualUse,
                                allocation.quantity(), item.unitPrice()));
                reserved += allocation.quantity();
            }
            if (reserved < line.quantity()) {
                Backorder backorder = new Backorder();
                backorder.requestId = approval.requestId();
                backorder.agencyId = approval.agencyId();
                backorder.itemCode = item.code;
                backorder.quantity = line.quantity() - reserved;
                backorder.createdAt = now;
                backorder.persist();
            }
        }
        for (Map.Entry<String, List<ShipmentLine>> planned : byWarehouse.entrySet()) {
            Shipment shipment = Shipment.plan(approval.requestId(), approval.agencyId(), approval.country(),
                    planned.getKey(), planned.getValue(), now);
            shipment.persist();
            outbox.record(shipment.plannedEvent());
            List<ScreeningHit> hits = screening.screen(shipment.destinationCountry, shipment.lines);
            if (!hits.isEmpty()) {
                shipment.hold(hits, now);
                outbox.record(new ShipmentHeld(shipment.requestId, shipment.id, shipment.destinationCountry, hits, now));
            }
        }
    }

    @Transactional
    public Shipment clear(UUID id, String licence, LocalDate licenceDate, Set<String> removeItems) {
        Shipment shipment = locked(id);
        OffsetDateTime now = OffsetDateTime.now();
        for (ShipmentLine removed : shipment.clear(licence, licenceDate, removeItems, now)) {
            stock.release(shipment.warehouse, removed.itemCode(), removed.quantity());
        }
        outbox.record(new ShipmentCleared(shipment.requestId, shipment.id, shipment.licenceReference,
                shipment.licenceDate, shipment.heldSeconds, now));
        return shipment;
    }

    @Transactional
    public Shipment dispatch(UUID id, Shipment.Mode mode, String carrier, String tracking, LocalDate expected) {
        Shipment shipment = locked(id);
        OffsetDateTime now = OffsetDateTime.now();
        shipment.dispatch(mode, carrier, tracking, expected, now);
        for (ShipmentLine line : shipment.lines) {
            stock.consume(shipment.warehouse, line.itemCode(), line.quantity());
        }
        outbox.record(new ShipmentDispatched(shipment.requestId, shipment.id, mode.name(), carrier, tracking, expected,
                now));
        return shipment;
    }

    @Transactional
    public Shipment milestone(UUID id, String milestone, String location, String note, OffsetDateTime at) {
        Shipment shipment = locked(id);
        shipment.milestone(milestone, location, note, at);
        outbox.record(new ShipmentMilestone(shipment.requestId, shipment.id, milestone, location, note, at));
        return shipment;
    }

    @Transactional
    public Shipment deliver(UUID id, OffsetDateTime at) {
        Shipment shipment = locked(id);
        shipment.deliver(at);
        outbox.record(new ShipmentDelivered(shipment.requestId, shipment.id, shipment.value(), at));
        return shipment;
    }

    @Transactional
    public Shipment cancel(UUID id, String reason) {
        Shipment shipment = locked(id);
        shipment.cancel(reason, OffsetDateTime.now());
        for (ShipmentLine line : shipment.lines) {
            stock.release(shipment.warehouse, line.itemCode(), line.quantity());
        }
        return shipment;
    }

    /** The partner confirmed receipt (request-service's event): the shipment is RECEIVED with what was rejected. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void received(ReceiptConfirmed receipt) {
        Shipment shipment = Shipment.findById(receipt.shipmentId(), LockModeType.PESSIMISTIC_WRITE);
        if (shipment == null || !shipment.requestId.equals(receipt.requestId())) {
            throw new UnreadableEvent("receipt for shipment " + receipt.shipmentId() + " that request "
                    + receipt.requestId() + " does not have");
        }
        if (shipment.status == ShipmentStatus.RECEIVED) {
            return;
        }
        if (!shipment.received(receipt.lines(), receipt.receivedAt())) {
            LOG.warnf("Receipt for shipment %s arrived while it is %s; kept as it is", shipment.id, shipment.status);
            return;
        }
        outbox.record(new ShipmentReceived(shipment.requestId, shipment.id, receipt.lines(), receipt.receivedAt()));
    }

    private static Shipment locked(UUID id) {
        Shipment shipment = Shipment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (shipment == null) {
            throw DomainRuleViolation.notFound("Shipment " + id);
        }
        return shipment;
    }
}
