package org.assistance.reportingservice.dashboard;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One shipment as the dashboards see it: its milestones as times, and how long it was held. */
@Entity
@Table(name = "shipment_facts")
public class ShipmentFacts extends PanacheEntityBase {
    @Id
    @Column(name = "shipment_id")
    public UUID shipmentId;

    @Column(name = "request_id")
    public UUID requestId;

    public String destination;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> categories = new ArrayList<>();

    public int units;

    @Column(name = "value_amount")
    public BigDecimal valueAmount;

    @Column(name = "value_currency")
    public String valueCurrency;

    @Column(name = "planned_at")
    public OffsetDateTime plannedAt;

    @Column(name = "held_at")
    public OffsetDateTime heldAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "held_categories")
    public List<String> heldCategories = new ArrayList<>();

    @Column(name = "cleared_at")
    public OffsetDateTime clearedAt;

    @Column(name = "held_seconds")
    public long heldSeconds;

    @Column(name = "dispatched_at")
    public OffsetDateTime dispatchedAt;

    public String mode;

    @Column(name = "expected_delivery")
    public LocalDate expectedDelivery;
    /** When it is due, as its dispatch event said; null when the event said nothing (no due date known). */
    @Column(name = "due_by")
    public OffsetDateTime dueBy;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    /** The latest hold: a shipment cleared and then held again (a rule added later) is held now. */
    @Column(name = "last_held_at")
    public OffsetDateTime lastHeldAt;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "item_codes")
    public List<String> itemCodes = new ArrayList<>();

    static ShipmentFacts lockedOrNew(UUID shipmentId, UUID requestId) {
        getEntityManager()
                .createNativeQuery(
                        "insert into shipment_facts (shipment_id, request_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, shipmentId)
                .setParameter(2, requestId)
                .executeUpdate();
        return findById(shipmentId, LockModeType.PESSIMISTIC_WRITE);
    }
}
