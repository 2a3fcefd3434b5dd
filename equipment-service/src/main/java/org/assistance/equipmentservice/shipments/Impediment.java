package org.assistance.equipmentservice.shipments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.ShipmentEvents.ImpedimentRecorded;
import org.assistance.chassis.events.ShipmentEvents.ImpedimentResolved;
import org.assistance.chassis.events.Values.BarrierBasis;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.ids.TimeOrderedIds;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.texts.Text;

/**
 * Something other than a screening rule that stopped or slowed a shipment: a carrier, bank,
 * supplier or insurer refused, a licence was denied or delayed. It states who ({@code party}), on
 * what basis as far as known, from when until when, and what it cost on top; it is a record of
 * fact and changes nothing of the shipment's journey. It stands until resolved, once.
 *
 * <p>It may be recorded on a shipment in any state, a cancelled one too: a refusal that caused the
 * cancellation is recorded afterwards. It must then have occurred by the cancellation.
 */
@Entity
@Table(name = "shipment_impediments")
public class Impediment extends PanacheEntityBase {
    /** Impediments one shipment records at most. */
    public static final int MAX_PER_SHIPMENT = 100;

    public static final int MAX_PARTY = 200;
    public static final int MAX_NOTE = 2_000;

    @Id
    public UUID id;

    @Column(name = "shipment_id")
    public UUID shipmentId;

    @Enumerated(EnumType.STRING)
    public ImpedimentKind kind;

    public String party;

    @Enumerated(EnumType.STRING)
    public BarrierBasis basis;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    public String note;

    @Column(name = "extra_cost")
    public BigDecimal extraCost;

    @Column(name = "extra_cost_currency")
    public String extraCostCurrency;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolution_recorded_at")
    public OffsetDateTime resolutionRecordedAt;

    @Column(name = "resolution_note")
    public String resolutionNote;

    /**
     * A new impediment of {@code shipment}, which has {@code recorded} already. Times are kept to
     * the microsecond, in UTC, as the database keeps them, so the event says what is stored.
     */
    static Impediment of(
            Shipment shipment,
            long recorded,
            ImpedimentKind kind,
            String party,
            BarrierBasis basis,
            OffsetDateTime occurredAt,
            OffsetDateTime resolvedAt,
            String note,
            Money extraCost,
            String by,
            OffsetDateTime at) {
        if (recorded >= MAX_PER_SHIPMENT) {
            throw DomainRuleViolation.conflict(Text.of(
                    "impediment.shipment-full", "shipment", String.valueOf(shipment.id), "max", MAX_PER_SHIPMENT));
        }
        OffsetDateTime occurred = stored(occurredAt);
        if (shipment.status == ShipmentStatus.CANCELLED
                && shipment.cancelledAt != null
                && occurred.isAfter(shipment.cancelledAt)) {
            throw DomainRuleViolation.unprocessable(Text.of(
                    "impediment.after-cancellation",
                    "shipment",
                    String.valueOf(shipment.id),
                    "cancelledAt",
                    String.valueOf(shipment.cancelledAt),
                    "occurredAt",
                    String.valueOf(occurred)));
        }
        Impediment impediment = new Impediment();
        impediment.id = TimeOrderedIds.next();
        impediment.shipmentId = shipment.id;
        impediment.kind = kind;
        impediment.party = party;
        impediment.basis = basis;
        impediment.occurredAt = occurred;
        impediment.note = note;
        impediment.cost(extraCost);
        impediment.recordedBy = by;
        impediment.recordedAt = stored(at);
        if (resolvedAt != null) {
            impediment.resolve(resolvedAt, null, null, by, at);
        }
        return impediment;
    }

    /**
     * It no longer stands since {@code at}; {@code cost} is what it cost in the end (replacing any
     * amount recorded before), kept as it was when none is given. Resolved once: again is 409.
     */
    void resolve(OffsetDateTime at, Money cost, String why, String by, OffsetDateTime now) {
        if (isResolved()) {
            throw DomainRuleViolation.conflict(Text.of(
                    "impediment.resolved-already",
                    "impediment",
                    String.valueOf(id),
                    "resolvedAt",
                    String.valueOf(resolvedAt),
                    "resolvedBy",
                    resolvedBy));
        }
        OffsetDateTime resolved = stored(at);
        if (resolved.isBefore(occurredAt)) {
            throw InvalidInput.field(
                    "resolvedAt",
                    Text.of("impediment.resolved-before-occurred", "occurredAt", String.valueOf(occurredAt)));
        }
        resolvedAt = resolved;
        if (cost != null) {
            cost(cost);
        }
        resolutionNote = why;
        resolvedBy = by;
        resolutionRecordedAt = stored(now);
    }

    public boolean isResolved() {
        return resolvedAt != null;
    }

    public Money extraCost() {
        return extraCost == null ? null : new Money(extraCost, extraCostCurrency);
    }

    private void cost(Money money) {
        // at most two decimals (MoneyInput): kept as the database keeps it, so the event says the same
        extraCost = money == null ? null : money.amount().setScale(2, RoundingMode.UNNECESSARY);
        extraCostCurrency = money == null ? null : money.currency();
    }

    ImpedimentRecorded recordedEvent(Shipment shipment) {
        return new ImpedimentRecorded(
                shipment.requestId,
                shipment.id,
                id,
                shipment.destinationCountry,
                kind.name(),
                party,
                basis.name(),
                occurredAt,
                resolvedAt,
                note,
                extraCost(),
                recordedBy,
                recordedAt);
    }

    ImpedimentResolved resolvedEvent(Shipment shipment) {
        return new ImpedimentResolved(
                shipment.requestId,
                shipment.id,
                id,
                resolvedAt,
                extraCost(),
                resolutionNote,
                resolvedBy,
                resolutionRecordedAt);
    }

    /** The shipment's impediments, in the order they occurred. */
    static List<Impediment> of(UUID shipmentId) {
        return list("shipmentId = ?1 order by occurredAt, id", shipmentId);
    }

    /** The impediments of these shipments, each shipment's in the order they occurred. */
    static List<Impediment> ofShipments(Collection<UUID> shipmentIds) {
        return shipmentIds.isEmpty() ? List.of() : list("shipmentId in ?1 order by occurredAt, id", shipmentIds);
    }

    private static OffsetDateTime stored(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
