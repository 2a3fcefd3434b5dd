package org.assistance.equipmentservice.shipments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.events.ShipmentEvents.BackorderCancelled;
import org.assistance.chassis.events.ShipmentEvents.BackorderFulfilled;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.texts.Text;
import org.assistance.equipmentservice.catalogue.CatalogueItem;
import org.assistance.equipmentservice.stock.Stock;
import org.assistance.equipmentservice.stock.StockReceived;
import org.jboss.logging.Logger;

/**
 * Backorders to their end: fulfilled by stock received (most urgent request first, then the
 * oldest), each part a new shipment; or cancelled by logistics. Requests' priorities come from
 * request-service's events, in whatever order they arrive relative to the approval. A cancellation
 * by logistics is in the audit trail (kind {@value #AUDIT_KIND}).
 */
@ApplicationScoped
public class Backorders {
    private static final Logger LOG = Logger.getLogger(Backorders.class);
    /** Most urgent request first, then the oldest backorder. */
    private static final Comparator<Backorder> FULFILMENT_ORDER = Comparator.comparing(
                    (Backorder b) -> b.priority, Comparator.reverseOrder())
            .thenComparing(b -> b.createdAt)
            .thenComparing(b -> b.id);

    static final String AUDIT_KIND = "backorder";

    private final Outbox outbox;
    private final Stock stock;
    private final Shipments shipments;
    private final AuditTrail audit;

    public Backorders(Outbox outbox, Stock stock, Shipments shipments, AuditTrail audit) {
        this.outbox = outbox;
        this.stock = stock;
        this.shipments = shipments;
        this.audit = audit;
    }

    /**
     * Stock arrived (its warehouse's row is locked by the receipt): open backorders of the item
     * take it, each part shipped from that warehouse. The backorders are locked too, so two
     * receipts in different warehouses never fulfil the same units twice (locked in id order, so
     * they never wait on each other in a circle).
     */
    void stockReceived(@Observes StockReceived receipt) {
        List<Backorder> open = Backorder.<Backorder>find(
                        "itemCode = ?1 and status = ?2 order by id", receipt.itemCode(), Backorder.Status.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        if (open.isEmpty()) {
            return;
        }
        CatalogueItem item = CatalogueItem.findById(receipt.itemCode());
        OffsetDateTime now = OffsetDateTime.now();
        for (Backorder backorder : open.stream().sorted(FULFILMENT_ORDER).toList()) {
            if (backorder.destinationCountry == null) {
                LOG.warnf(
                        "Backorder %d (from before destinations were kept) has no destination; left open",
                        backorder.id);
                continue;
            }
            int reserved = stock.reserveAt(receipt.warehouse(), item.code, backorder.remaining);
            if (reserved == 0) {
                break;
            }
            backorder.fulfil(reserved, now);
            Shipment shipment = Shipment.plan(
                    backorder.requestId,
                    backorder.agencyId,
                    backorder.destinationCountry,
                    receipt.warehouse(),
                    List.of(Shipments.lineOf(item, reserved)),
                    now);
            // the fulfilment names the shipment whose planned event follows it
            outbox.record(new BackorderFulfilled(
                    backorder.requestId, backorder.id, shipment.id, item.code, reserved, backorder.remaining, now));
            shipments.plan(shipment);
        }
    }

    /**
     * Backorders oldest first, of a request and in a status when given, after the backorder
     * created at {@code afterAt} with id {@code afterId} if given; one more than {@code limit}.
     */
    public List<Backorder> page(
            UUID requestId, Backorder.Status status, OffsetDateTime afterAt, Long afterId, int limit) {
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
        if (afterAt != null) {
            query.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
            params.put("at", afterAt);
            params.put("id", afterId);
        }
        return Backorder.<Backorder>find(query.append(" order by createdAt, id").toString(), params)
                .range(0, limit)
                .list();
    }

    @Transactional
    public Backorder cancel(UUID reference, String reason, String by) {
        Backorder backorder = Backorder.<Backorder>find("reference", reference)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (backorder == null) {
            throw DomainRuleViolation.notFound(Text.of("backorder.not-found", "backorder", String.valueOf(reference)));
        }
        OffsetDateTime now = OffsetDateTime.now();
        BackorderView before = BackorderView.of(backorder);
        backorder.cancel(reason, by, now);
        outbox.record(new BackorderCancelled(
                backorder.requestId, backorder.id, backorder.itemCode, backorder.remaining, reason, now));
        audit.record(AUDIT_KIND, reference, "cancelled", before, BackorderView.of(backorder));
        return backorder;
    }

    /**
     * request-service published the request's priority (submitted or amended): open backorders follow
     * it. One statement, no read first: every submission on the platform comes this way.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void priorityLearnt(UUID requestId, String priority) {
        RequestPriority.learnt(requestId, RequestPriority.Level.named(priority), OffsetDateTime.now());
    }
}
