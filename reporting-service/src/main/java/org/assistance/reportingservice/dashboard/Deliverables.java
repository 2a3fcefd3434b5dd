package org.assistance.reportingservice.dashboard;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.Values.Deliverable;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.events.Values.ShipmentLine;

/**
 * The approved components of each request (an equipment line per item code, an activity) and how
 * far each got. While a request is under way, reporting follows them from the approval, the
 * shipments (quantities planned, removed, cancelled, backordered, refused) and the activities;
 * once request-service reports the request's end, the deliverables it lists are settled and
 * nothing earlier or later changes them. An activity's state only moves forward; an equipment
 * line's is computed from all its quantities known, so neither depends on the order events came in.
 */
final class Deliverables {
    static final String EQUIPMENT = "EQUIPMENT";

    private Deliverables() {}

    static void approved(RequestApproved approval) {
        Map<String, Integer> units = new TreeMap<>();
        for (EquipmentLine line :
                approval.equipmentLines() == null ? List.<EquipmentLine>of() : approval.equipmentLines()) {
            units.merge(line.itemCode(), line.quantity(), Integer::sum);
        }
        units.forEach((item, quantity) ->
                upsert(approval.requestId(), "item:" + item, EQUIPMENT, item, quantity, "PENDING", null));
        if (approval.activities() != null) {
            for (PlannedActivity activity : approval.activities()) {
                upsert(
                        approval.requestId(),
                        activity.activityId().toString(),
                        activity.kind(),
                        activity.title(),
                        1,
                        "PENDING",
                        null);
            }
        }
    }

    static void activityEnded(UUID requestId, UUID activityId, String kind, String title, String state, String reason) {
        upsert(requestId, activityId.toString(), kind, title, 1, state, reason);
    }

    /** Stock planned for the request: each line's quantity, per item code. */
    static void shipmentPlanned(UUID requestId, UUID shipmentId, List<ShipmentLine> lines) {
        Map<String, Integer> units = units(lines);
        units.forEach((item, quantity) -> em().createNativeQuery("""
                        insert into shipment_lines (shipment_id, item_code, request_id, quantity) values (?1, ?2, ?3, ?4)
                        on conflict (shipment_id, item_code) do update set quantity = excluded.quantity""")
                .setParameter(1, shipmentId)
                .setParameter(2, item)
                .setParameter(3, requestId)
                .setParameter(4, quantity)
                .executeUpdate());
    }

    /** Lines taken out of a held shipment at clearance: those units will not go. */
    static void linesRemoved(UUID requestId, UUID shipmentId, List<ShipmentLine> lines) {
        units(lines)
                .forEach((item, quantity) -> em().createNativeQuery("""
                        insert into shipment_lines (shipment_id, item_code, request_id, removed) values (?1, ?2, ?3, ?4)
                        on conflict (shipment_id, item_code) do update set removed = shipment_lines.removed + excluded.removed""")
                        .setParameter(1, shipmentId)
                        .setParameter(2, item)
                        .setParameter(3, requestId)
                        .setParameter(4, quantity)
                        .executeUpdate());
    }

    static void backordered(UUID requestId, long backorderId, String item, int quantity) {
        em().createNativeQuery("""
                        insert into backorder_facts (backorder_id, request_id, item_code, quantity) values (?1, ?2, ?3, ?4)
                        on conflict (request_id, backorder_id) do update set quantity = excluded.quantity""")
                .setParameter(1, backorderId)
                .setParameter(2, requestId)
                .setParameter(3, item)
                .setParameter(4, quantity)
                .executeUpdate();
    }

    /** Part of a backorder went into a new shipment (counted there, from its own shipment.planned). */
    static void backorderFulfilled(UUID requestId, long backorderId, String item, int quantity) {
        em().createNativeQuery("""
                        insert into backorder_facts (backorder_id, request_id, item_code, fulfilled) values (?1, ?2, ?3, ?4)
                        on conflict (request_id, backorder_id) do update set fulfilled = backorder_facts.fulfilled + excluded.fulfilled""")
                .setParameter(1, backorderId)
                .setParameter(2, requestId)
                .setParameter(3, item)
                .setParameter(4, quantity)
                .executeUpdate();
    }

    static void backorderCancelled(UUID requestId, long backorderId, String item, int quantity, String reason) {
        em().createNativeQuery("""
                        insert into backorder_facts (backorder_id, request_id, item_code, cancelled, reason)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (request_id, backorder_id) do update set cancelled = backorder_facts.cancelled + excluded.cancelled,
                            reason = excluded.reason""")
                .setParameter(1, backorderId)
                .setParameter(2, requestId)
                .setParameter(3, item)
                .setParameter(4, quantity)
                .setParameter(5, reason)
                .executeUpdate();
    }

    static void lineRefused(UUID eventId, UUID requestId, String item, int quantity, String reason) {
        em().createNativeQuery("""
                        insert into refused_lines (event_id, request_id, item_code, quantity, reason)
                        values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, eventId)
                .setParameter(2, requestId)
                .setParameter(3, item)
                .setParameter(4, quantity)
                .setParameter(5, reason)
                .executeUpdate();
    }

    /**
     * Where each approved equipment line of the request stands, from every quantity known now:
     * delivered = units of delivered shipments (less lines removed); cancelled = lines removed,
     * what cancelled shipments still carried, backorders cancelled and lines refused. DELIVERED
     * when delivered and cancelled make up the approved quantity with something delivered,
     * CANCELLED when all of it was cancelled, IN_PROGRESS once a shipment with it left.
     */
    @SuppressWarnings("unchecked")
    static void followEquipment(UUID requestId) {
        em().flush();
        List<Object[]> rows =
                em().createNativeQuery("""
                        select d.deliverable_id, d.quantity,
                               coalesce((select sum(l.quantity - l.removed) from shipment_lines l
                                         join shipment_facts s on s.shipment_id = l.shipment_id
                                         where l.request_id = d.request_id and l.item_code = substr(d.deliverable_id, 6)
                                           and s.delivered_at is not null and s.cancelled_at is null), 0),
                               coalesce((select sum(l.removed + case when s.cancelled_at is not null and s.delivered_at is null
                                                                     then l.quantity - l.removed else 0 end)
                                         from shipment_lines l join shipment_facts s on s.shipment_id = l.shipment_id
                                         where l.request_id = d.request_id and l.item_code = substr(d.deliverable_id, 6)), 0)
                               + coalesce((select sum(b.cancelled) from backorder_facts b
                                           where b.request_id = d.request_id and b.item_code = substr(d.deliverable_id, 6)), 0)
                               + coalesce((select sum(f.quantity) from refused_lines f
                                           where f.request_id = d.request_id and f.item_code = substr(d.deliverable_id, 6)), 0),
                               exists (select 1 from shipment_lines l join shipment_facts s on s.shipment_id = l.shipment_id
                                       where l.request_id = d.request_id and l.item_code = substr(d.deliverable_id, 6)
                                         and (s.dispatched_at is not null or s.delivered_at is not null)),
                               (select string_agg(distinct r.reason, '; ') from (
                                    select b.reason from backorder_facts b where b.request_id = d.request_id
                                      and b.item_code = substr(d.deliverable_id, 6) and b.cancelled > 0
                                    union all select f.reason from refused_lines f where f.request_id = d.request_id
                                      and f.item_code = substr(d.deliverable_id, 6)) r)
                        from deliverable_facts d
                        where d.request_id = ?1 and d.kind = 'EQUIPMENT' and not d.settled""").setParameter(1, requestId).getResultList();
        for (Object[] row : rows) {
            int approved = ((Number) row[1]).intValue();
            int delivered = ((Number) row[2]).intValue();
            int cancelled = ((Number) row[3]).intValue();
            boolean started = (Boolean) row[4];
            em().createNativeQuery("""
                            update deliverable_facts set quantity_delivered = ?3, quantity_cancelled = ?4, state = ?5,
                                reason = ?6
                            where request_id = ?1 and deliverable_id = ?2""")
                    .setParameter(1, requestId)
                    .setParameter(2, row[0])
                    .setParameter(3, delivered)
                    .setParameter(4, cancelled)
                    .setParameter(5, equipmentState(approved, delivered, cancelled, started))
                    .setParameter(6, row[5])
                    .executeUpdate();
        }
    }

    /** The state of an equipment line from its quantities (the contract's rule, as request-service applies it). */
    static String equipmentState(int approved, int delivered, int cancelled, boolean started) {
        if (approved > 0 && delivered > 0 && delivered + cancelled >= approved) {
            return "DELIVERED";
        } else if (approved > 0 && cancelled >= approved) {
            return "CANCELLED";
        } else if (started || delivered > 0) {
            return "IN_PROGRESS";
        }
        return "PENDING";
    }

    /** Descriptions are for people: a long one is cut rather than refused (an event is never refused for it). */
    private static String cut(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    private static Map<String, Integer> units(List<ShipmentLine> lines) {
        Map<String, Integer> units = new TreeMap<>();
        if (lines != null) {
            for (ShipmentLine line : lines) {
                units.merge(line.itemCode(), line.quantity(), Integer::sum);
            }
        }
        return units;
    }

    /** The deliverables as request-service reported them at the request's end: final. */
    static void settled(UUID requestId, List<Deliverable> deliverables) {
        if (deliverables == null) {
            return;
        }
        for (Deliverable d : deliverables) {
            em().createNativeQuery("""
                            insert into deliverable_facts (request_id, deliverable_id, kind, description, quantity,
                                quantity_delivered, quantity_cancelled, state, reason, settled)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, true)
                            on conflict (request_id, deliverable_id) do update set kind = excluded.kind,
                                description = excluded.description, quantity = excluded.quantity,
                                quantity_delivered = excluded.quantity_delivered,
                                quantity_cancelled = excluded.quantity_cancelled, state = excluded.state,
                                reason = excluded.reason, settled = true""")
                    .setParameter(1, requestId)
                    .setParameter(2, d.deliverableId())
                    .setParameter(3, d.kind() == null ? "UNKNOWN" : d.kind())
                    .setParameter(4, cut(d.description()))
                    .setParameter(5, d.quantity())
                    .setParameter(6, d.quantityDelivered())
                    .setParameter(7, d.quantityCancelled())
                    .setParameter(8, d.state())
                    .setParameter(9, d.reason())
                    .executeUpdate();
        }
    }

    /** Inserts or moves a deliverable forward; a settled one is left as request-service reported it. */
    private static void upsert(
            UUID requestId, String id, String kind, String description, int quantity, String state, String reason) {
        int delivered = "DELIVERED".equals(state) ? quantity : 0;
        int cancelled = "CANCELLED".equals(state) ? quantity : 0;
        em().createNativeQuery("""
                        insert into deliverable_facts (request_id, deliverable_id, kind, description, quantity,
                            quantity_delivered, quantity_cancelled, state, reason)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        on conflict (request_id, deliverable_id) do update set
                            kind = coalesce(excluded.kind, deliverable_facts.kind),
                            description = coalesce(deliverable_facts.description, excluded.description),
                            quantity = greatest(deliverable_facts.quantity, excluded.quantity),
                            quantity_delivered = greatest(deliverable_facts.quantity_delivered, excluded.quantity_delivered),
                            quantity_cancelled = greatest(deliverable_facts.quantity_cancelled, excluded.quantity_cancelled),
                            state = case when deliverable_facts.state in ('DELIVERED', 'CANCELLED')
                                         then deliverable_facts.state
                                         when excluded.state = 'PENDING' then deliverable_facts.state
                                         else excluded.state end,
                            reason = coalesce(deliverable_facts.reason, excluded.reason)
                        where not deliverable_facts.settled""")
                .setParameter(1, requestId)
                .setParameter(2, id)
                .setParameter(3, kind == null ? "UNKNOWN" : kind)
                .setParameter(4, cut(description))
                .setParameter(5, quantity)
                .setParameter(6, delivered)
                .setParameter(7, cancelled)
                .setParameter(8, state)
                .setParameter(9, reason)
                .executeUpdate();
    }

    private static EntityManager em() {
        return MoneyFacts.getEntityManager();
    }
}
