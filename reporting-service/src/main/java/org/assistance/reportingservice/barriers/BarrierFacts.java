package org.assistance.reportingservice.barriers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.ShipmentEvents.ImpedimentRecorded;
import org.assistance.chassis.events.ShipmentEvents.ImpedimentResolved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCancelled;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCleared;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentLinesRemoved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.reportingservice.readmodels.ManyRows;

/**
 * Keeps the shipment events the barriers report is computed from ({@code barrier_events}), one
 * row per event, each written once whatever the order they arrive in: the report folds them when
 * it is read, so a late event changes nothing but what it tells.
 */
public final class BarrierFacts {
    static final String PLANNED = "PLANNED";
    static final String HELD = "HELD";
    static final String CLEARED = "CLEARED";
    static final String LINES_REMOVED = "LINES_REMOVED";
    static final String CANCELLED = "CANCELLED";
    static final String IMPEDIMENT_RECORDED = "IMPEDIMENT_RECORDED";
    static final String IMPEDIMENT_RESOLVED = "IMPEDIMENT_RESOLVED";

    private BarrierFacts() {}

    /** Writes the facts of those of {@code events} that tell of a shipment's barriers, in one statement. */
    public static void write(Connection connection, List<CloudEvent<AssistanceEvent>> events, boolean copy)
            throws SQLException {
        ManyRows rows = ManyRows.of(
                "barrier_events",
                "event_id uuid",
                "shipment_id uuid",
                "request_id uuid",
                "kind",
                "destination",
                "occurred_at timestamptz",
                "detail jsonb");
        for (CloudEvent<AssistanceEvent> event : events) {
            AssistanceEvent data = event.data();
            if (data instanceof ShipmentPlanned e) {
                add(rows, event, e.shipmentId(), PLANNED, e.destinationCountry(), e.plannedAt(), lines(e.lines()));
            } else if (data instanceof ShipmentHeld e) {
                List<BarrierFact.Hit> hits = e.hits() == null
                        ? List.of()
                        : e.hits().stream()
                                .map(h -> new BarrierFact.Hit(
                                        h.itemCode(),
                                        h.measure(),
                                        h.reference(),
                                        h.basis(),
                                        h.imposedBy(),
                                        h.instrument()))
                                .toList();
                add(rows, event, e.shipmentId(), HELD, e.destinationCountry(), e.heldAt(), BarrierFact.ofHits(hits));
            } else if (data instanceof ShipmentCleared e) {
                add(rows, event, e.shipmentId(), CLEARED, null, e.clearedAt(), BarrierFact.ofLines(null));
            } else if (data instanceof ShipmentLinesRemoved e) {
                add(rows, event, e.shipmentId(), LINES_REMOVED, null, e.removedAt(), lines(e.lines()));
            } else if (data instanceof ShipmentCancelled e) {
                add(rows, event, e.shipmentId(), CANCELLED, null, e.cancelledAt(), lines(e.lines()));
            } else if (data instanceof ImpedimentRecorded e) {
                add(
                        rows,
                        event,
                        e.shipmentId(),
                        IMPEDIMENT_RECORDED,
                        e.destinationCountry(),
                        e.occurredAt(),
                        impediment(
                                e.impedimentId(),
                                e.kind(),
                                e.party(),
                                e.basis(),
                                e.resolvedAt(),
                                e.extraCost(),
                                e.note()));
            } else if (data instanceof ImpedimentResolved e) {
                add(
                        rows,
                        event,
                        e.shipmentId(),
                        IMPEDIMENT_RESOLVED,
                        null,
                        e.recordedAt() != null ? e.recordedAt() : e.resolvedAt(),
                        impediment(e.impedimentId(), null, null, null, e.resolvedAt(), e.extraCost(), e.note()));
            }
        }
        if (copy) {
            rows.copy(connection);
        } else {
            rows.insertNew(connection);
        }
    }

    private static void add(
            ManyRows rows,
            CloudEvent<AssistanceEvent> event,
            UUID shipmentId,
            String kind,
            String destination,
            OffsetDateTime at,
            BarrierFact fact) {
        if (shipmentId == null) {
            return;
        }
        OffsetDateTime when = at != null ? at : event.time() != null ? event.time() : OffsetDateTime.now();
        rows.add(event.id(), shipmentId, event.data().requestId(), kind, destination, when, fact);
    }

    private static BarrierFact lines(List<ShipmentLine> lines) {
        return BarrierFact.ofLines(
                lines == null
                        ? List.of()
                        : lines.stream()
                                .map(l -> new BarrierFact.Line(
                                        l.itemCode(),
                                        l.quantity(),
                                        l.unitCost() == null
                                                ? null
                                                : l.unitCost().amount(),
                                        l.unitCost() == null
                                                ? null
                                                : l.unitCost().currency()))
                                .toList());
    }

    private static BarrierFact impediment(
            UUID id, String kind, String party, String basis, OffsetDateTime resolvedAt, Money extraCost, String note) {
        return new BarrierFact(
                null,
                null,
                id,
                kind,
                party,
                basis,
                resolvedAt == null ? null : resolvedAt.toString(),
                extraCost == null ? null : extraCost.amount(),
                extraCost == null ? null : extraCost.currency(),
                note);
    }
}
