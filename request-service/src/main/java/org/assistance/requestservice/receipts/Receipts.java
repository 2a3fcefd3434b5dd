package org.assistance.requestservice.receipts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.security.TenantScope;
import org.assistance.chassis.texts.Text;
import org.assistance.requestservice.requests.AssistanceRequest;
import org.assistance.requestservice.requests.AssistanceRequests;

/** Shipments the agencies expect, and their proofs of delivery. */
@ApplicationScoped
public class Receipts {
    /** What a request's shipment list shows at most (the latest); an approval of 100 lines never needs more. */
    static final int MAX_SHIPMENTS = 500;

    private final AssistanceRequests requests;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    public Receipts(AssistanceRequests requests, Outbox outbox, EntityManager entityManager, ObjectMapper json) {
        this.requests = requests;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void expect(ShipmentPlanned planned) {
        if (IncomingShipment.findById(planned.shipmentId()) == null) {
            IncomingShipment shipment = new IncomingShipment();
            shipment.id = planned.shipmentId();
            shipment.requestId = planned.requestId();
            shipment.lines = planned.lines();
            shipment.stage = IncomingShipment.Stage.PLANNED;
            shipment.updatedAt = planned.plannedAt();
            shipment.persist();
        }
    }

    /**
     * The shipment left: it shows DISPATCHED, and the serial numbers logistics recorded per unit
     * (none on a dispatch written before serials were) are kept for its receipt to confirm. A
     * repeated event adds no unit twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dispatched(ShipmentDispatched dispatched) {
        reached(dispatched.shipmentId(), IncomingShipment.Stage.DISPATCHED, dispatched.dispatchedAt());
        if (dispatched.units() == null || dispatched.units().isEmpty()) {
            return;
        }
        // one statement for all the units (a dispatch may name 10,000), numbered in the event's order
        entityManager
                .createNativeQuery("""
                        insert into dispatched_units (shipment_id, serial_number, item_code, dispatch_order)
                        select ?1, u.unit ->> 'serialNumber', u.unit ->> 'itemCode', u.n - 1
                        from jsonb_array_elements(cast(?2 as jsonb)) with ordinality as u(unit, n)
                        where u.unit ->> 'serialNumber' is not null and u.unit ->> 'itemCode' is not null
                        on conflict do nothing""")
                .setParameter(1, dispatched.shipmentId())
                .setParameter(2, asJson(dispatched.units()))
                .executeUpdate();
    }

    private String asJson(List<UnitSerial> units) {
        try {
            return json.writeValueAsString(units);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Serial numbers of a dispatch could not be written as JSON", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reached(UUID shipmentId, IncomingShipment.Stage stage, OffsetDateTime at) {
        IncomingShipment shipment = locked(shipmentId);
        if (shipment != null) {
            shipment.advanceTo(stage, at);
        }
    }

    /** A cancelled shipment will not arrive: it shows CANCELLED (unless it already arrived). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelled(UUID shipmentId, OffsetDateTime at) {
        IncomingShipment shipment = locked(shipmentId);
        if (shipment != null) {
            shipment.cancel(at);
        }
    }

    /** Lines taken out at clearance are no longer expected (nor confirmed on receipt). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void linesRemoved(UUID shipmentId, List<ShipmentLine> removed, OffsetDateTime at) {
        IncomingShipment shipment = locked(shipmentId);
        if (shipment != null) {
            shipment.remove(removed, at);
        }
    }

    /**
     * The shipment, locked: an event and a confirmation of the same shipment take turns, so a
     * delivery event read before a confirmation never writes its older stage over RECEIVED.
     */
    private static IncomingShipment locked(UUID shipmentId) {
        return IncomingShipment.findById(shipmentId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The units of the given shipments by the serial numbers they were dispatched with, in dispatch order. */
    public Map<UUID, List<UnitSerial>> unitsOf(List<IncomingShipment> shipments) {
        Map<UUID, List<UnitSerial>> units = new HashMap<>();
        if (shipments.isEmpty()) {
            return units;
        }
        for (DispatchedUnit unit : DispatchedUnit.<DispatchedUnit>list(
                "key.shipmentId in ?1 order by key.shipmentId, dispatchOrder",
                shipments.stream().map(s -> s.id).toList())) {
            units.computeIfAbsent(unit.key.shipmentId(), id -> new ArrayList<>())
                    .add(unit.serial());
        }
        return units;
    }

    public List<IncomingShipment> of(UUID requestId, TenantScope scope) {
        requests.visibleTo(requestId, scope);
        List<IncomingShipment> latest = new ArrayList<>(
                IncomingShipment.<IncomingShipment>find("requestId = ?1 order by updatedAt desc, id desc", requestId)
                        .range(0, MAX_SHIPMENTS - 1)
                        .list());
        Collections.reverse(latest);
        return latest;
    }

    /**
     * The agency confirms what it received: every shipped line once, accepted + rejected =
     * shipped, a reason for anything rejected, and the units dispatched with serial numbers by
     * those numbers ({@link SerialConfirmation}). Once per shipment, after its dispatch.
     */
    @Transactional
    public Receipt confirm(UUID requestId, String agencyId, ReceiptDraft draft, String actor) {
        // Two clerks may confirm the same shipment at once: the shipment's row lock makes the second
        // wait, then see the first one's receipt (409) instead of inserting it too (a 500 on the key).
        // The request is locked first, in the order the shipment events take them, so a confirmation
        // and an event never wait for each other in a circle. It is read locked, not read and then
        // locked: a request read before the first clerk's commit failed the lock's version check, and
        // the second clerk was told "changed concurrently" instead of "already confirmed".
        AssistanceRequest request = requests.lockedFor(requestId, TenantScope.ofAgency(agencyId));
        IncomingShipment shipment = locked(draft.shipmentId());
        if (shipment == null || !shipment.requestId.equals(requestId)) {
            throw DomainRuleViolation.notFound(Text.of(
                    "receipt.shipment-not-found",
                    "shipment",
                    String.valueOf(draft.shipmentId()),
                    "request",
                    requestId.toString()));
        }
        if (shipment.stage == IncomingShipment.Stage.PLANNED) {
            throw DomainRuleViolation.conflict(Text.of("receipt.not-dispatched", "shipment", shipment.id.toString()));
        }
        if (shipment.stage == IncomingShipment.Stage.CANCELLED) {
            throw DomainRuleViolation.conflict(
                    Text.of("receipt.shipment-cancelled", "shipment", shipment.id.toString()));
        }
        if (shipment.stage == IncomingShipment.Stage.RECEIVED || Receipt.findById(shipment.id) != null) {
            throw DomainRuleViolation.conflict(
                    Text.of("receipt.already-confirmed", "shipment", shipment.id.toString()));
        }
        if (draft.receivedAt().isBefore(request.submittedAt)) {
            throw InvalidInput.field(
                    "receivedAt",
                    Text.of("receipt.received-before-submission", "submittedAt", request.submittedAt.toString()));
        }
        List<ReceiptLine> lines = checkedLines(shipment, draft);
        OffsetDateTime now = OffsetDateTime.now();
        Receipt receipt = new Receipt();
        receipt.shipmentId = shipment.id;
        receipt.requestId = requestId;
        receipt.lines = lines;
        receipt.receivedBy = draft.receivedBy().strip();
        receipt.receivedAt = draft.receivedAt();
        receipt.recordedAt = now;
        receipt.persist();
        shipment.advanceTo(IncomingShipment.Stage.RECEIVED, now);
        outbox.record(new ReceiptConfirmed(
                requestId, request.agencyId, shipment.id, lines, receipt.receivedBy, receipt.receivedAt));
        return receipt;
    }

    private static List<ReceiptLine> checkedLines(IncomingShipment shipment, ReceiptDraft draft) {
        Map<String, Integer> shipped = new HashMap<>();
        for (ShipmentLine line : shipment.lines) {
            shipped.merge(line.itemCode(), line.quantity(), Integer::sum);
        }
        SerialConfirmation serials = SerialConfirmation.of(shipment.id);
        List<InvalidInput.Field> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<ReceiptLine> lines = new ArrayList<>();
        for (int i = 0; i < draft.lines().size(); i++) {
            ReceiptDraft.Line line = draft.lines().get(i);
            String field = "lines[" + i + "]";
            Integer quantity = shipped.get(line.itemCode());
            if (quantity == null) {
                errors.add(new InvalidInput.Field(
                        field + ".itemCode",
                        Text.of("receipt.item-not-in-shipment", "shipment", shipment.id.toString())));
                continue;
            }
            if (!seen.add(line.itemCode())) {
                errors.add(new InvalidInput.Field(field + ".itemCode", Text.of("receipt.item-twice")));
                continue;
            }
            if (line.quantityAccepted() + line.quantityRejected() != quantity) {
                errors.add(new InvalidInput.Field(field, Text.of("receipt.quantities-mismatch", "quantity", quantity)));
            }
            boolean noReason =
                    line.rejectionReason() == null || line.rejectionReason().isBlank();
            if (line.quantityRejected() > 0 && noReason) {
                errors.add(new InvalidInput.Field(
                        field + ".rejectionReason", Text.of("receipt.rejection-reason-required")));
            }
            lines.add(new ReceiptLine(
                    line.itemCode(),
                    line.quantityAccepted(),
                    line.quantityRejected(),
                    noReason ? null : line.rejectionReason().strip(),
                    serials.acceptedBy(line)));
        }
        shipped.keySet().stream()
                .filter(code -> !seen.contains(code))
                .sorted()
                .forEach(code ->
                        errors.add(new InvalidInput.Field("lines", Text.of("receipt.item-missing", "item", code))));
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        serials.refuseWhatBreaksTheRules();
        return lines;
    }
}
