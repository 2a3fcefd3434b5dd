package org.assistance.equipmentservice.shipments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.events.Values.BarrierBasis;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.security.TenantScope;
import org.assistance.chassis.texts.Text;

/**
 * Records and resolves the impediments of shipments, each with its event in the same transaction
 * (assistance.shipment.impediment-recorded.v1, ...-resolved.v1, keyed by the request id), and reads
 * them for whoever may read the shipment. Recording and resolving are in the audit trail too (kind
 * {@value #AUDIT_KIND}).
 */
@ApplicationScoped
public class Impediments {
    static final String AUDIT_KIND = "impediment";

    private final Outbox outbox;
    private final Shipments shipments;
    private final AuditTrail audit;

    public Impediments(Outbox outbox, Shipments shipments, AuditTrail audit) {
        this.outbox = outbox;
        this.shipments = shipments;
        this.audit = audit;
    }

    @Transactional
    public Impediment record(
            UUID shipmentId,
            ImpedimentKind kind,
            String party,
            BarrierBasis basis,
            OffsetDateTime occurredAt,
            OffsetDateTime resolvedAt,
            String note,
            Money extraCost,
            String by) {
        Shipment shipment = locked(shipmentId);
        Impediment impediment = Impediment.of(
                shipment,
                Impediment.count("shipmentId", shipment.id),
                kind,
                party,
                basis,
                occurredAt,
                resolvedAt,
                note,
                extraCost,
                by,
                OffsetDateTime.now());
        impediment.persist();
        outbox.record(impediment.recordedEvent(shipment));
        audit.created(AUDIT_KIND, impediment.id, ImpedimentView.of(impediment));
        return impediment;
    }

    @Transactional
    public Impediment resolve(
            UUID shipmentId, UUID impedimentId, OffsetDateTime resolvedAt, Money extraCost, String note, String by) {
        Shipment shipment = locked(shipmentId);
        Impediment impediment = Impediment.findById(impedimentId, LockModeType.PESSIMISTIC_WRITE);
        if (impediment == null || !impediment.shipmentId.equals(shipment.id)) {
            throw DomainRuleViolation.notFound(Text.of(
                    "impediment.not-found",
                    "impediment",
                    String.valueOf(impedimentId),
                    "shipment",
                    String.valueOf(shipmentId)));
        }
        ImpedimentView before = ImpedimentView.of(impediment);
        impediment.resolve(resolvedAt, extraCost, note, by, OffsetDateTime.now());
        outbox.record(impediment.resolvedEvent(shipment));
        audit.record(AUDIT_KIND, impediment.id, "resolved", before, ImpedimentView.of(impediment));
        return impediment;
    }

    /** The impediments of a shipment the scope may read, in the order they occurred. */
    public List<Impediment> of(UUID shipmentId, TenantScope scope) {
        return Impediment.of(shipments.get(shipmentId, scope).id);
    }

    /** One impediment of a shipment the scope may read. */
    public Impediment one(UUID shipmentId, UUID impedimentId, TenantScope scope) {
        Shipment shipment = shipments.get(shipmentId, scope);
        Impediment impediment = Impediment.findById(impedimentId);
        if (impediment == null || !impediment.shipmentId.equals(shipment.id)) {
            throw DomainRuleViolation.notFound(Text.of(
                    "impediment.not-found",
                    "impediment",
                    String.valueOf(impedimentId),
                    "shipment",
                    String.valueOf(shipmentId)));
        }
        return impediment;
    }

    private static Shipment locked(UUID id) {
        Shipment shipment = Shipment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (shipment == null) {
            throw DomainRuleViolation.notFound(Text.of("shipment.not-found", "shipment", String.valueOf(id)));
        }
        return shipment;
    }
}
