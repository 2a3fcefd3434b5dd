package org.assistance.equipmentservice.shipments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ShipmentEvents.LineBackordered;
import org.assistance.chassis.events.ShipmentEvents.LineRefused;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCancelled;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCleared;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentLinesRemoved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentMilestone;
import org.assistance.chassis.events.ShipmentEvents.ShipmentReceived;
import org.assistance.chassis.events.UnreadableEvent;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.security.TenantScope;
import org.assistance.chassis.texts.Text;
import org.assistance.equipmentservice.assets.AssetRegister;
import org.assistance.equipmentservice.catalogue.CatalogueItem;
import org.assistance.equipmentservice.screening.ExportRule;
import org.assistance.equipmentservice.screening.RulesInForceChanged;
import org.assistance.equipmentservice.screening.Screening;
import org.assistance.equipmentservice.stock.Stock;
import org.jboss.logging.Logger;

/**
 * Plans shipments for approved equipment (reserving stock, split by warehouse, the rest
 * back-ordered, lines it cannot ship refused), screens them, and moves them along their journey
 * to their end (delivered, received or cancelled); every change records its event, keyed by the
 * request id. What logistics does to a shipment (clearance, dispatch, milestones, delivery,
 * cancellation) is also in the audit trail (kind {@value #AUDIT_KIND}), with the shipment before
 * and after; what the platform does on its own (planning, holds, receipts) is told by the events.
 */
@ApplicationScoped
public class Shipments {
    private static final Logger LOG = Logger.getLogger(Shipments.class);
    /** request-service's bounds on a request's equipment (lines, units a line): what an approval can carry. */
    static final int MAX_LINES = 100;

    static final int MAX_QUANTITY = 10_000;

    static final String AUDIT_KIND = "shipment";

    private final Outbox outbox;
    private final Stock stock;
    private final Screening screening;
    private final EntityManager entityManager;
    private final AssetRegister assets;
    private final AuditTrail audit;

    public Shipments(
            Outbox outbox,
            Stock stock,
            Screening screening,
            EntityManager entityManager,
            AssetRegister assets,
            AuditTrail audit) {
        this.outbox = outbox;
        this.stock = stock;
        this.screening = screening;
        this.entityManager = entityManager;
        this.assets = assets;
        this.audit = audit;
    }

    /**
     * An approval's equipment lines become shipments and backorders. A line this service cannot
     * ship at all (item unknown or withdrawn) is refused with its own event: the rest goes on,
     * and the approval never ends in a dead-letter topic.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void approved(RequestApproved approval) {
        if (approval.equipmentLines() == null || approval.equipmentLines().isEmpty() || !firstTime(approval)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        RequestPriority.Level priority = RequestPriority.of(approval.requestId());
        Map<String, List<ShipmentLine>> byWarehouse = new LinkedHashMap<>();
        stock.lockInOrder(approval.equipmentLines().stream()
                .map(EquipmentLine::itemCode)
                .limit(MAX_LINES)
                .toList());
        int lines = 0;
        for (EquipmentLine line : approval.equipmentLines()) {
            CatalogueItem item = line.itemCode() == null ? null : CatalogueItem.findById(line.itemCode());
            if (++lines > MAX_LINES
                    || item == null
                    || item.isWithdrawn()
                    || line.quantity() <= 0
                    || line.quantity() > MAX_QUANTITY) {
                outbox.record(new LineRefused(
                        approval.requestId(), line.itemCode(), line.quantity(), refusal(line, item, lines), now));
                continue;
            }
            int reserved = 0;
            for (Stock.Allocation allocation : stock.reserve(item.code, line.quantity())) {
                byWarehouse
                        .computeIfAbsent(allocation.warehouse(), w -> new ArrayList<>())
                        .add(lineOf(item, allocation.quantity()));
                reserved += allocation.quantity();
            }
            if (reserved < line.quantity()) {
                Backorder backorder = Backorder.of(
                        approval.requestId(),
                        approval.agencyId(),
                        approval.country(),
                        item.code,
                        line.quantity() - reserved,
                        priority,
                        now);
                backorder.persist();
                outbox.record(new LineBackordered(
                        backorder.requestId,
                        backorder.id,
                        item.code,
                        item.name,
                        backorder.quantity,
                        priority.name(),
                        now));
            }
        }
        for (Map.Entry<String, List<ShipmentLine>> planned : byWarehouse.entrySet()) {
            plan(Shipment.plan(
                    approval.requestId(),
                    approval.agencyId(),
                    approval.country(),
                    planned.getKey(),
                    planned.getValue(),
                    now));
        }
    }

    /** Records the approval as handled; false if it already was (program-service may publish it twice). */
    private boolean firstTime(RequestApproved approval) {
        return entityManager
                        .createNativeQuery("""
                        insert into approved_requests (request_id, handled_at) values (?1, ?2)
                        on conflict (request_id) do nothing""")
                        .setParameter(1, approval.requestId())
                        .setParameter(2, OffsetDateTime.now())
                        .executeUpdate()
                == 1;
    }

    private static String refusal(EquipmentLine line, CatalogueItem item, int position) {
        if (position > MAX_LINES) {
            return "An approval ships at most " + MAX_LINES + " equipment lines; line " + position + " is beyond them";
        }
        if (item == null) {
            return "Item " + line.itemCode() + " is not in the catalogue";
        }
        if (item.isWithdrawn()) {
            return "Item " + line.itemCode() + " was withdrawn from the catalogue on " + item.withdrawnAt.toLocalDate()
                    + (item.withdrawalReason == null ? "" : ": " + item.withdrawalReason);
        }
        return "An approved quantity must be 1 to " + MAX_QUANTITY + ", not " + line.quantity();
    }

    static ShipmentLine lineOf(CatalogueItem item, int quantity) {
        return new ShipmentLine(item.code, item.name, item.category.name(), item.dualUse, quantity, item.unitPrice());
    }

    /** A new shipment, its stock already reserved: recorded as planned, screened, held if a rule hits it. */
    @Transactional(Transactional.TxType.MANDATORY)
    void plan(Shipment shipment) {
        shipment.persist();
        outbox.record(shipment.plannedEvent());
        List<ScreeningHit> hits = screening.screen(shipment.destinationCountry, shipment.lines);
        if (!hits.isEmpty()) {
            hold(shipment, hits, shipment.plannedAt);
        }
    }

    private void hold(Shipment shipment, List<ScreeningHit> hits, OffsetDateTime at) {
        shipment.hold(hits, at);
        outbox.record(new ShipmentHeld(shipment.requestId, shipment.id, shipment.destinationCountry, hits, at));
    }

    /**
     * A rule was added or changed: every shipment planned but not yet dispatched (and not held
     * already) is screened again, in the rule's transaction; those it hits are held.
     */
    void rulesChanged(@Observes RulesInForceChanged change) {
        List<ExportRule> rules = screening.rulesInForce();
        List<Shipment> planned = Shipment.find("status = ?1 order by id", ShipmentStatus.PLANNED)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        OffsetDateTime now = OffsetDateTime.now();
        int held = 0;
        for (Shipment shipment : planned) {
            List<ScreeningHit> hits = screening.screen(shipment.destinationCountry, shipment.lines, rules);
            if (!hits.isEmpty()) {
                hold(shipment, hits, now);
                held++;
            }
        }
        LOG.infof(
                "Export rule %s: %d planned shipments screened again, %d held", change.ruleId(), planned.size(), held);
    }

    /**
     * Clears a held shipment. Lines taken off are recorded as removed (before the clearance);
     * taking off every line cancels the shipment instead.
     */
    @Transactional
    public Shipment clear(
            UUID id, String licence, LocalDate licenceDate, Set<String> removeItems, String reason, String by) {
        screening.holdRulesSteady();
        Shipment shipment = locked(id);
        ShipmentView before = ShipmentView.of(shipment);
        OffsetDateTime now = OffsetDateTime.now();
        String why = reason != null ? reason : shipment.removalReason(removeItems);
        if (shipment.status == ShipmentStatus.HELD
                && !shipment.lines.isEmpty()
                && shipment.removesEveryLine(removeItems)) {
            cancel(shipment, why, by, now);
            audit.record(AUDIT_KIND, shipment.id, "cancelled", before, ShipmentView.of(shipment));
            return shipment;
        }
        List<ShipmentLine> removed = shipment.clear(
                licence, licenceDate, removeItems, screening.screen(shipment.destinationCountry, shipment.lines), now);
        stock.lockInOrder(removed.stream().map(ShipmentLine::itemCode).toList());
        for (ShipmentLine line : removed) {
            stock.release(shipment.warehouse, line.itemCode(), line.quantity());
        }
        if (!removed.isEmpty()) {
            outbox.record(new ShipmentLinesRemoved(shipment.requestId, shipment.id, removed, why, now));
        }
        outbox.record(new ShipmentCleared(
                shipment.requestId,
                shipment.id,
                shipment.licenceReference,
                shipment.licenceDate,
                shipment.heldSeconds,
                now));
        audit.record(AUDIT_KIND, shipment.id, "cleared", before, ShipmentView.of(shipment));
        return shipment;
    }

    /**
     * Dispatch screens again against the rules in force: a hit not cleared refuses it (409), nothing
     * changes. The units' serial numbers are registered ({@link AssetRegister#dispatched}): units
     * missing or wrong refuse it too, and nothing is written.
     */
    @Transactional
    public Shipment dispatch(
            UUID id, Shipment.Mode mode, String carrier, String tracking, LocalDate expected, List<UnitSerial> units) {
        screening.holdRulesSteady();
        Shipment shipment = locked(id);
        ShipmentView before = ShipmentView.of(shipment);
        OffsetDateTime now = OffsetDateTime.now();
        shipment.dispatch(
                mode, carrier, tracking, expected, screening.screen(shipment.destinationCountry, shipment.lines), now);
        List<UnitSerial> registered = assets.dispatched(
                shipment.requestId,
                shipment.id,
                shipment.agencyId,
                shipment.destinationCountry,
                shipment.lines,
                shipment.isLicensed(),
                units,
                now);
        stock.lockInOrder(shipment.lines.stream().map(ShipmentLine::itemCode).toList());
        for (ShipmentLine line : shipment.lines) {
            stock.consume(shipment.warehouse, line.itemCode(), line.quantity());
        }
        outbox.record(new ShipmentDispatched(
                shipment.requestId,
                shipment.id,
                mode.name(),
                carrier,
                tracking,
                expected,
                now,
                mode.dueBy(now).toInstant(),
                registered));
        audit.record(AUDIT_KIND, shipment.id, "dispatched", before, ShipmentView.of(shipment));
        return shipment;
    }

    @Transactional
    public Shipment milestone(UUID id, String milestone, String location, String note, OffsetDateTime at) {
        Shipment shipment = locked(id);
        ShipmentView before = ShipmentView.of(shipment);
        shipment.milestone(milestone, location, note, at);
        outbox.record(new ShipmentMilestone(shipment.requestId, shipment.id, milestone, location, note, at));
        audit.record(AUDIT_KIND, shipment.id, "milestone-recorded", before, ShipmentView.of(shipment));
        return shipment;
    }

    @Transactional
    public Shipment deliver(UUID id, OffsetDateTime at) {
        Shipment shipment = locked(id);
        ShipmentView before = ShipmentView.of(shipment);
        shipment.deliver(at);
        outbox.record(new ShipmentDelivered(shipment.requestId, shipment.id, shipment.value(), at));
        assets.delivered(shipment.requestId, shipment.id, shipment.agencyId, shipment.destinationCountry, at);
        audit.record(AUDIT_KIND, shipment.id, "delivered", before, ShipmentView.of(shipment));
        return shipment;
    }

    @Transactional
    public Shipment cancel(UUID id, String reason, String by) {
        Shipment shipment = locked(id);
        ShipmentView before = ShipmentView.of(shipment);
        cancel(shipment, reason, by, OffsetDateTime.now());
        audit.record(AUDIT_KIND, shipment.id, "cancelled", before, ShipmentView.of(shipment));
        return shipment;
    }

    private void cancel(Shipment shipment, String reason, String by, OffsetDateTime at) {
        shipment.cancel(reason, by, at);
        // every state a shipment can be cancelled in holds a reservation for each line
        stock.lockInOrder(shipment.lines.stream().map(ShipmentLine::itemCode).toList());
        for (ShipmentLine line : shipment.lines) {
            stock.release(shipment.warehouse, line.itemCode(), line.quantity());
        }
        outbox.record(new ShipmentCancelled(shipment.requestId, shipment.id, reason, shipment.lines, true, by, at));
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
        boolean deliveryRecorded = shipment.deliveredAt != null;
        if (!shipment.received(receipt.lines(), receipt.receivedAt())) {
            LOG.warnf("Receipt for shipment %s arrived while it is %s; kept as it is", shipment.id, shipment.status);
            return;
        }
        if (!deliveryRecorded) {
            // the receipt came before the carrier's delivery was recorded: its units were delivered by then
            assets.delivered(
                    shipment.requestId,
                    shipment.id,
                    shipment.agencyId,
                    shipment.destinationCountry,
                    receipt.receivedAt());
        }
        assets.received(shipment.id, receipt.lines(), receipt.receivedAt());
        outbox.record(new ShipmentReceived(shipment.requestId, shipment.id, receipt.lines(), receipt.receivedAt()));
    }

    /**
     * Shipments the scope may read (a partner its agency's, a focal point those to its State), newest first, of a request and in a status when given, after
     * the shipment planned at {@code afterAt} with id {@code afterId} if given; one more than {@code limit}.
     */
    public List<Shipment> page(
            UUID requestId, ShipmentStatus status, TenantScope scope, OffsetDateTime afterAt, UUID afterId, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (requestId != null) {
            query.append(" and requestId = :request");
            params.put("request", requestId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (scope.confinedToAgency()) {
            query.append(" and agencyId = :agency");
            params.put("agency", scope.agency());
        }
        if (scope.confinedToCountry()) {
            query.append(" and destinationCountry = :country");
            params.put("country", scope.country());
        }
        if (afterAt != null) {
            query.append(" and (plannedAt < :at or (plannedAt = :at and id > :id))");
            params.put("at", afterAt);
            params.put("id", afterId);
        }
        return Shipment.<Shipment>find(
                        query.append(" order by plannedAt desc, id").toString(), params)
                .range(0, limit)
                .list();
    }

    /** The impediments of these shipments (read in one query), by shipment, each's in the order they occurred. */
    public Map<UUID, List<Impediment>> impedimentsOf(List<Shipment> page) {
        return Impediment.ofShipments(page.stream().map(s -> s.id).toList()).stream()
                .collect(Collectors.groupingBy(i -> i.shipmentId, LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * One shipment; one outside the caller's scope (another agency's for a partner, another State's
     * for a focal point) is not found, as if it did not exist.
     */
    public Shipment get(UUID id, TenantScope scope) {
        Shipment shipment = Shipment.findById(id);
        if (shipment == null || !scope.includesRequest(shipment.agencyId, shipment.destinationCountry)) {
            throw DomainRuleViolation.notFound(Text.of("shipment.not-found", "shipment", String.valueOf(id)));
        }
        return shipment;
    }

    private static Shipment locked(UUID id) {
        Shipment shipment = Shipment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (shipment == null) {
            throw DomainRuleViolation.notFound(Text.of("shipment.not-found", "shipment", String.valueOf(id)));
        }
        return shipment;
    }
}
