package org.assistance.equipmentservice.shipments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.texts.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Approved equipment that no warehouse had in stock: it waits here (OPEN) until stock received
 * fulfils it, possibly in several parts, each part a new shipment; or until logistics cancels
 * what it still waits for.
 */
@Entity
@Table(name = "backorders")
public class Backorder extends PanacheEntityBase {
    @Schema(name = "BackorderStatus")
    public enum Status {
        OPEN,
        FULFILLED,
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** How URLs name it (random: the numbers, which events name it by, could be guessed). */
    public UUID reference;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "agency_id")
    public String agencyId;

    @Column(name = "destination_country")
    public String destinationCountry;

    @Column(name = "item_code")
    public String itemCode;
    /** What was back-ordered at approval. */
    public int quantity;
    /** What it still waits for. */
    public int remaining;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Enumerated(EnumType.STRING)
    public RequestPriority.Level priority;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    static Backorder of(
            UUID requestId,
            String agencyId,
            String destinationCountry,
            String itemCode,
            int quantity,
            RequestPriority.Level priority,
            OffsetDateTime at) {
        Backorder backorder = new Backorder();
        backorder.reference = UUID.randomUUID();
        backorder.requestId = requestId;
        backorder.agencyId = agencyId;
        backorder.destinationCountry = destinationCountry;
        backorder.itemCode = itemCode;
        backorder.quantity = quantity;
        backorder.remaining = quantity;
        backorder.status = Status.OPEN;
        backorder.priority = priority;
        backorder.createdAt = at;
        backorder.updatedAt = at;
        return backorder;
    }

    /** Part (or all) of what it waits for was reserved for a new shipment. */
    void fulfil(int units, OffsetDateTime at) {
        require("backorder.cannot-be-fulfilled");
        if (units <= 0 || units > remaining) {
            throw new IllegalArgumentException(
                    "fulfilling " + units + " of backorder " + id + " waiting for " + remaining);
        }
        remaining -= units;
        if (remaining == 0) {
            status = Status.FULFILLED;
        }
        updatedAt = at;
    }

    /** What it still waits for will not be shipped. */
    void cancel(String reason, String by, OffsetDateTime at) {
        require("backorder.cannot-be-cancelled");
        cancellationReason = reason;
        cancelledBy = by;
        status = Status.CANCELLED;
        updatedAt = at;
    }

    /** {@code refusal}: the key of the text saying what the backorder cannot do in its status. */
    private void require(String refusal) {
        if (status != Status.OPEN) {
            throw DomainRuleViolation.conflict(
                    Text.of(refusal, "backorder", String.valueOf(id), "status", status.name()));
        }
    }
}
