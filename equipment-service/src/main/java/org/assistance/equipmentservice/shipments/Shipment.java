package org.assistance.equipmentservice.shipments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.texts.Text;
import org.assistance.equipmentservice.texts.Listing;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Equipment on its way to a requesting State's authority, from one warehouse, and the rules of
 * its journey: screened (and possibly held) when planned, then dispatched, in transit with
 * customs milestones, delivered, and received by the partner.
 */
@Entity
@Table(name = "shipments")
public class Shipment extends PanacheEntityBase {
    public enum Mode {
        AIR(30),
        SEA(60),
        LAND(7);

        /** Days after dispatch by which a shipment without an expected date counts as delayed. */
        private final int defaultDays;

        Mode(int defaultDays) {
            this.defaultDays = defaultDays;
        }

        /**
         * When the mode's usual transit time after a dispatch at {@code dispatchedAt} runs out: the
         * one place this rule lives (the dispatch event publishes it, readers do not repeat it).
         */
        public OffsetDateTime dueBy(OffsetDateTime dispatchedAt) {
            return dispatchedAt.plusDays(defaultDays);
        }
    }

    /** Customs and transit steps one journey records at most. */
    public static final int MAX_MILESTONES = 50;
    /** The longest reason kept (as clients may give). */
    static final int MAX_REASON = 2_000;

    @Schema(name = "Milestone")
    public record Milestone(
            @Schema(maxLength = 30, example = "CUSTOMS_ENTRY")
            String milestone,

            @Schema(maxLength = 200) String location,
            @Schema(maxLength = 2_000) String note,
            OffsetDateTime at) {}

    @Id
    public UUID id;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "agency_id")
    public String agencyId;

    @Column(name = "destination_country")
    public String destinationCountry;

    public String warehouse;

    @Enumerated(EnumType.STRING)
    public ShipmentStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ShipmentLine> lines;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ScreeningHit> hits = new ArrayList<>();

    @Column(name = "held_at")
    public OffsetDateTime heldAt;

    @Column(name = "held_seconds")
    public long heldSeconds;

    @Column(name = "licence_reference")
    public String licenceReference;

    @Column(name = "licence_date")
    public LocalDate licenceDate;

    @Enumerated(EnumType.STRING)
    public Mode mode;

    public String carrier;

    @Column(name = "tracking_reference")
    public String trackingReference;

    @Column(name = "expected_delivery")
    public LocalDate expectedDelivery;

    @Column(name = "dispatched_at")
    public OffsetDateTime dispatchedAt;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "receipt_lines")
    public List<ReceiptLine> receiptLines;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Milestone> milestones = new ArrayList<>();

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "planned_at")
    public OffsetDateTime plannedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    static Shipment plan(
            UUID requestId,
            String agencyId,
            String destination,
            String warehouse,
            List<ShipmentLine> lines,
            OffsetDateTime at) {
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.requestId = requestId;
        shipment.agencyId = agencyId;
        shipment.destinationCountry = destination;
        shipment.warehouse = warehouse;
        shipment.status = ShipmentStatus.PLANNED;
        shipment.lines = lines;
        shipment.plannedAt = at;
        shipment.updatedAt = at;
        return shipment;
    }

    /** Screening hit some lines: nothing moves until they are cleared or removed. */
    void hold(List<ScreeningHit> screeningHits, OffsetDateTime at) {
        require(EnumSet.of(ShipmentStatus.PLANNED), "shipment.cannot-be-held");
        hits = new ArrayList<>(screeningHits);
        status = ShipmentStatus.HELD;
        heldAt = at;
        updatedAt = at;
    }

    /** True when taking these items off would leave nothing to ship (the shipment is then cancelled instead). */
    boolean removesEveryLine(Set<String> removeItems) {
        return lines.stream().allMatch(l -> removeItems.contains(l.itemCode()));
    }

    /**
     * Clears a held shipment against the rules in force now ({@code hitsNow}: a rule retired
     * since the hold no longer holds anything, one added or changed since counts). PROHIBITED
     * lines cannot be cleared, only removed; LICENCE_REQUIRED ones need the licence reference
     * and date. Returns the lines removed (their stock goes back).
     */
    List<ShipmentLine> clear(
            String licence,
            LocalDate licenceIssued,
            Set<String> removeItems,
            List<ScreeningHit> hitsNow,
            OffsetDateTime at) {
        require(EnumSet.of(ShipmentStatus.HELD), "shipment.cannot-be-cleared");
        List<ShipmentLine> removed =
                lines.stream().filter(l -> removeItems.contains(l.itemCode())).toList();
        List<ShipmentLine> kept =
                lines.stream().filter(l -> !removeItems.contains(l.itemCode())).toList();
        if (kept.isEmpty()) {
            throw DomainRuleViolation.unprocessable(Text.of("shipment.nothing-left-to-ship"));
        }
        List<ScreeningHit> remaining = hitsNow.stream()
                .filter(h -> !removeItems.contains(h.itemCode()))
                .toList();
        List<ScreeningHit> prohibited =
                remaining.stream().filter(h -> "PROHIBITED".equals(h.measure())).toList();
        if (!prohibited.isEmpty()) {
            throw new DomainRuleViolation(
                    409,
                    "prohibited",
                    Text.of(
                            "shipment.prohibited",
                            "lines",
                            Listing.semicolons(prohibited.stream()
                                    .map(h -> Text.of(
                                            "shipment.prohibited-line",
                                            "item",
                                            h.itemCode(),
                                            "destination",
                                            destinationCountry,
                                            "measure",
                                            measure(h)))
                                    .toList())));
        }
        boolean licenceNeeded = remaining.stream().anyMatch(h -> "LICENCE_REQUIRED".equals(h.measure()));
        if (licenceNeeded && (licence == null || licence.isBlank() || licenceIssued == null)) {
            List<InvalidInput.Field> errors = new ArrayList<>();
            if (licence == null || licence.isBlank()) {
                errors.add(new InvalidInput.Field("licenceReference", Text.of("shipment.licence-required")));
            }
            if (licenceIssued == null) {
                errors.add(new InvalidInput.Field("licenceDate", Text.of("shipment.licence-required")));
            }
            throw InvalidInput.of(errors);
        }
        lines = kept;
        // what was cleared, so that dispatch only stops for hits that came after
        List<ScreeningHit> cleared = new ArrayList<>(hits);
        remaining.stream().filter(h -> !isAmong(h, cleared)).forEach(cleared::add);
        hits = cleared;
        licenceReference = licenceNeeded ? licence.strip() : null;
        licenceDate = licenceNeeded ? licenceIssued : null;
        heldSeconds += Duration.between(heldAt, at).toSeconds();
        status = ShipmentStatus.CLEARED;
        updatedAt = at;
        return removed;
    }

    /** Why lines were taken off at clearance, from the hits on them, when logistics gave no reason. */
    String removalReason(Set<String> removeItems) {
        List<String> measures = hits.stream()
                .filter(h -> removeItems.contains(h.itemCode()))
                .map(h -> h.itemCode() + ": " + h.measure() + " (" + named(h) + ")")
                .distinct()
                .toList();
        String reason =
                measures.isEmpty() ? "Removed at clearance" : "Removed at clearance: " + String.join("; ", measures);
        // many lines with long references: kept within what a reason can be
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }

    /**
     * Hands the shipment to the carrier if the rules in force (screened again now) allow it: a hit
     * that was not cleared while it was held refuses the dispatch and changes nothing.
     */
    void dispatch(
            Mode how, String by, String tracking, LocalDate expected, List<ScreeningHit> hitsNow, OffsetDateTime at) {
        require(EnumSet.of(ShipmentStatus.PLANNED, ShipmentStatus.CLEARED), "shipment.cannot-be-dispatched");
        List<ScreeningHit> uncleared =
                hitsNow.stream().filter(h -> !isAmong(h, hits)).toList();
        if (!uncleared.isEmpty()) {
            throw new DomainRuleViolation(
                    409,
                    "screening-hit",
                    Text.of(
                            "shipment.screening-hit",
                            "shipment",
                            String.valueOf(id),
                            "hits",
                            Listing.semicolons(uncleared.stream()
                                    .map(h -> Text.of(
                                            "shipment.screening-hit-line",
                                            "rule",
                                            String.valueOf(h.ruleId()),
                                            "measure",
                                            measure(h),
                                            "item",
                                            h.itemCode(),
                                            "destination",
                                            destinationCountry,
                                            "restriction",
                                            h.measure()))
                                    .distinct()
                                    .toList())));
        }
        mode = how;
        carrier = by;
        trackingReference = tracking;
        expectedDelivery = expected;
        dispatchedAt = at;
        status = ShipmentStatus.DISPATCHED;
        updatedAt = at;
    }

    /**
     * The measure a hit names: its reference, then who imposed it and by which instrument when the
     * rule states them (hits recorded before rules stated their basis have only the reference).
     */
    static String named(ScreeningHit hit) {
        StringBuilder name = new StringBuilder(hit.reference());
        if (hit.imposedBy() != null) {
            name.append(", imposed by ").append(hit.imposedBy());
        }
        if (hit.instrument() != null) {
            name.append(", ").append(hit.instrument());
        }
        return name.toString();
    }

    /** The measure a hit names ({@link #named}), as words for an answer in the caller's language. */
    static Text measure(ScreeningHit hit) {
        Text name = Text.of("text.verbatim", "text", hit.reference());
        if (hit.imposedBy() != null) {
            name = Text.of("shipment.measure-imposed-by", "measure", name, "imposedBy", hit.imposedBy());
        }
        if (hit.instrument() != null) {
            name = Text.of("shipment.measure-instrument", "measure", name, "instrument", hit.instrument());
        }
        return name;
    }

    /** The same rule, as it read, on the same item. */
    private static boolean isAmong(ScreeningHit hit, List<ScreeningHit> others) {
        return others.stream()
                .anyMatch(o -> o.itemCode().equals(hit.itemCode())
                        && java.util.Objects.equals(o.ruleId(), hit.ruleId())
                        && o.measure().equals(hit.measure()));
    }

    void milestone(String name, String location, String note, OffsetDateTime at) {
        require(EnumSet.of(ShipmentStatus.DISPATCHED, ShipmentStatus.IN_TRANSIT), "shipment.cannot-record-milestone");
        if (milestones.size() >= MAX_MILESTONES) {
            throw DomainRuleViolation.conflict(
                    Text.of("shipment.milestones-full", "shipment", String.valueOf(id), "max", MAX_MILESTONES));
        }
        milestones = new ArrayList<>(milestones);
        milestones.add(new Milestone(name, location, note, at));
        status = ShipmentStatus.IN_TRANSIT;
        updatedAt = OffsetDateTime.now();
    }

    void deliver(OffsetDateTime at) {
        require(EnumSet.of(ShipmentStatus.DISPATCHED, ShipmentStatus.IN_TRANSIT), "shipment.cannot-be-delivered");
        if (at.isBefore(dispatchedAt)) {
            throw InvalidInput.field(
                    "deliveredAt",
                    Text.of("shipment.delivered-before-dispatch", "dispatchedAt", String.valueOf(dispatchedAt)));
        }
        deliveredAt = at;
        status = ShipmentStatus.DELIVERED;
        updatedAt = at;
    }

    /** The partner's proof of delivery arrived; false when it cannot apply (e.g. cancelled meanwhile). */
    boolean received(List<ReceiptLine> receipt, OffsetDateTime at) {
        if (!EnumSet.of(ShipmentStatus.DISPATCHED, ShipmentStatus.IN_TRANSIT, ShipmentStatus.DELIVERED)
                .contains(status)) {
            return false;
        }
        if (deliveredAt == null) {
            deliveredAt = at;
        }
        receiptLines = receipt;
        receivedAt = at;
        status = ShipmentStatus.RECEIVED;
        updatedAt = OffsetDateTime.now();
        return true;
    }

    /** Cancelled before dispatch; the caller releases the reserved stock of its lines. */
    void cancel(String reason, String by, OffsetDateTime at) {
        require(
                EnumSet.of(ShipmentStatus.PLANNED, ShipmentStatus.HELD, ShipmentStatus.CLEARED),
                "shipment.cannot-be-cancelled");
        if (status == ShipmentStatus.HELD) {
            heldSeconds += Duration.between(heldAt, at).toSeconds();
        }
        cancellationReason = reason;
        cancelledBy = by;
        cancelledAt = at;
        status = ShipmentStatus.CANCELLED;
        updatedAt = at;
    }

    /** Cleared under an export licence: every unit of every line is then monitored after delivery. */
    boolean isLicensed() {
        return licenceReference != null;
    }

    /** Not delivered by the expected date, or by the mode's usual time after dispatch when none was given. */
    public boolean isDelayed(OffsetDateTime now) {
        if (dispatchedAt == null || deliveredAt != null || status == ShipmentStatus.CANCELLED) {
            return false;
        }
        LocalDate due = expectedDelivery != null
                ? expectedDelivery
                : mode.dueBy(dispatchedAt).toLocalDate();
        return now.toLocalDate().isAfter(due);
    }

    /** {@code refusal}: the key of the text saying what the shipment cannot do in its status. */
    private void require(Set<ShipmentStatus> allowed, String refusal) {
        if (!allowed.contains(status)) {
            throw DomainRuleViolation.conflict(Text.of(
                    refusal,
                    "shipment",
                    String.valueOf(id),
                    "status",
                    status.name(),
                    "allowed",
                    String.valueOf(allowed)));
        }
    }

    Money value() {
        if (lines.isEmpty()) {
            return null;
        }
        String currency = lines.get(0).unitCost().currency();
        BigDecimal total = lines.stream()
                .map(l -> l.unitCost().amount().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Money(total, currency);
    }

    ShipmentPlanned plannedEvent() {
        return new ShipmentPlanned(requestId, id, agencyId, destinationCountry, warehouse, lines, value(), plannedAt);
    }
}
