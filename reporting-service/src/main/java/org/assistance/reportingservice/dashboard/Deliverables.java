package org.assistance.reportingservice.dashboard;

import jakarta.persistence.EntityManager;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.Values.Deliverable;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.PlannedActivity;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The approved components of each request (an equipment line per item code, an activity) and how
 * far each got. While a request is under way, reporting follows them from the approval, the
 * shipments and the activities; once request-service reports the request's end, the
 * deliverables it lists are settled and nothing earlier or later changes them. A state only moves
 * forward (PENDING, IN_PROGRESS, then DELIVERED or CANCELLED), whatever order events come in.
 */
final class Deliverables {
    static final String EQUIPMENT = "EQUIPMENT";

    private Deliverables() {
    }

    static void approved(RequestApproved approval) {
        Map<String, Integer> units = new TreeMap<>();
        for (EquipmentLine line : approval.equipmentLines()) {
            units.merge(line.itemCode(), line.quantity(), Integer::sum);
        }
        units.forEach((item, quantity) -> upsert(approval.requestId(), "item:" + item, EQUIPMENT, item, quantity,
                "PENDING", null));
        if (approval.activities() != null) {
            for (PlannedActivity activity : approval.activities()) {
                upsert(approval.requestId(), activity.activityId().toString(), activity.kind(), activity.title(), 1,
                        "PENDING", null);
            }
        }
    }

    static void activityEnded(UUID requestId, UUID activityId, String kind, String title, String state, String reason) {
        upsert(requestId, activityId.toString(), kind, title, 1, state, reason);
    }

    /** An equipment line is under way once a shipment carrying its item was dispatched or delivered. */
    static void followShipments(UUID requestId) {
        em().flush();
        em().createNativeQuery("""
                        update deliverable_facts d set state = 'IN_PROGRESS'
                        where d.request_id = ?1 and d.kind = 'EQUIPMENT' and not d.settled and d.state = 'PENDING'
                          and exists (select 1 from shipment_facts s
                                      where s.request_id = d.request_id
                                        and (s.dispatched_at is not null or s.delivered_at is not null)
                                        and s.item_codes @> jsonb_build_array(substr(d.deliverable_id, 6)))""")
                .setParameter(1, requestId).executeUpdate();
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
                    .setParameter(1, requestId).setParameter(2, d.deliverableId()).setParameter(3, d.kind())
                    .setParameter(4, d.description()).setParameter(5, d.quantity())
                    .setParameter(6, d.quantityDelivered()).setParameter(7, d.quantityCancelled())
                    .setParameter(8, d.state()).setParameter(9, d.reason()).executeUpdate();
        }
    }

    /** Inserts or moves a deliverable forward; a settled one is left as request-service reported it. */
    private static void upsert(UUID requestId, String id, String kind, String description, int quantity, String state,
                               String reason) {
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
                .setParameter(1, requestId).setParameter(2, id).setParameter(3, kind).setParameter(4, description)
                .setParameter(5, quantity).setParameter(6, delivered).setParameter(7, cancelled)
                .setParameter(8, state).setParameter(9, reason).executeUpdate();
    }

    private static EntityManager em() {
        return MoneyFacts.getEntityManager();
    }
}
