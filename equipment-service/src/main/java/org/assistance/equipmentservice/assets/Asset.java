package org.assistance.equipmentservice.assets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.texts.Text;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One unit of equipment, known by its serial number from its dispatch on: delivered to the end
 * user, then accepted (RECEIVED) or rejected by the partner. A monitored unit (its item dual-use,
 * or its shipment cleared under an export licence) has checks of its end use falling due after
 * delivery; the k-th due date is met by its k-th check. A rejected unit leaves monitoring.
 */
@Entity
@Table(name = "assets")
public class Asset extends PanacheEntityBase {
    /** What a serial number may be: letters and digits, then also dots, slashes, underscores and dashes. */
    public static final String SERIAL = "^[A-Za-z0-9][A-Za-z0-9./_-]{0,63}$";

    /** What a serial number that is not one is told (the text {@code asset.serial} of the bundles). */
    public static final String SERIAL_MESSAGE = "{asset.serial}";

    public static final int MAX_SERIAL = 64;
    /** Checks one unit records at most. */
    public static final int MAX_CHECKS = 100;

    public static final int MAX_CHECKED_BY = 200;
    public static final int MAX_NOTE = 2_000;

    @Id
    @Column(name = "serial_number")
    public String serialNumber;

    @Column(name = "item_code")
    public String itemCode;

    @Column(name = "item_name")
    public String itemName;

    public String category;

    @Column(name = "dual_use")
    public boolean dualUse;

    public boolean monitored;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "shipment_id")
    public UUID shipmentId;

    @Column(name = "agency_id")
    public String agencyId;

    public String country;

    @Enumerated(EnumType.STRING)
    public AssetStatus status;

    @Column(name = "dispatched_at")
    public OffsetDateTime dispatchedAt;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    /** The day of the delivery, as the delivery gave it: what its checks fall due after. */
    @Column(name = "delivered_on")
    public LocalDate deliveredOn;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "checks_due")
    public List<LocalDate> checksDue = new ArrayList<>();

    /** How many checks were recorded. */
    public int checks;

    /** The first due date not met yet; none when every one is met, or the unit is not (or no longer) monitored. */
    @Column(name = "next_check_due")
    public LocalDate nextCheckDue;

    @Version
    public long version;

    /** A unit of {@code line} dispatched with {@code unit}'s serial number. */
    static Asset dispatched(
            UnitSerial unit,
            ShipmentLine line,
            boolean licensed,
            UUID requestId,
            UUID shipmentId,
            String agencyId,
            String country,
            OffsetDateTime at) {
        Asset asset = new Asset();
        asset.serialNumber = unit.serialNumber();
        asset.itemCode = line.itemCode();
        asset.itemName = line.itemName();
        asset.category = line.category();
        asset.dualUse = line.dualUse();
        asset.monitored = line.dualUse() || licensed;
        asset.requestId = requestId;
        asset.shipmentId = shipmentId;
        asset.agencyId = agencyId;
        asset.country = country;
        asset.status = AssetStatus.DISPATCHED;
        asset.dispatchedAt = stored(at);
        return asset;
    }

    /** The carrier delivered it; a monitored unit's checks fall due on {@code due} from now on. */
    void delivered(OffsetDateTime at, List<LocalDate> due) {
        if (status != AssetStatus.DISPATCHED) {
            return;
        }
        status = AssetStatus.DELIVERED;
        deliveredAt = stored(at);
        deliveredOn = at.toLocalDate();
        checksDue = monitored ? new ArrayList<>(due) : new ArrayList<>();
        nextCheckDue = firstUnmet();
    }

    /** The partner accepted it at receipt. */
    void accepted(OffsetDateTime at) {
        if (status == AssetStatus.DELIVERED) {
            status = AssetStatus.RECEIVED;
            receivedAt = stored(at);
        }
    }

    /** The partner rejected it at receipt: it leaves monitoring, nothing falls due any more. */
    void rejected(OffsetDateTime at) {
        if (status == AssetStatus.DELIVERED) {
            status = AssetStatus.REJECTED;
            receivedAt = stored(at);
            nextCheckDue = null;
        }
    }

    /**
     * Someone saw (or looked for) the unit at its end user on {@code checkedAt}: not before its
     * delivery, not after {@code today}. Only a delivered unit not rejected is checked; the check
     * meets the next due date.
     */
    EndUseCheck check(
            CheckResult result,
            LocalDate checkedAt,
            String checkedBy,
            String note,
            String recordedBy,
            LocalDate today,
            OffsetDateTime now) {
        if (status == AssetStatus.DISPATCHED) {
            throw new DomainRuleViolation(
                    409, "asset-not-delivered", Text.of("asset.not-delivered", "serial", serialNumber));
        }
        if (status == AssetStatus.REJECTED) {
            throw new DomainRuleViolation(
                    409,
                    "asset-rejected",
                    Text.of(
                            "asset.rejected",
                            "serial",
                            serialNumber,
                            "receivedOn",
                            String.valueOf(receivedAt.toLocalDate())));
        }
        if (checks >= MAX_CHECKS) {
            throw DomainRuleViolation.conflict(Text.of("asset.checks-full", "serial", serialNumber, "max", MAX_CHECKS));
        }
        if (checkedAt.isAfter(today)) {
            throw new DomainRuleViolation(
                    422,
                    "check-date",
                    Text.of(
                            "asset.check-in-future",
                            "checkedAt",
                            String.valueOf(checkedAt),
                            "today",
                            String.valueOf(today)));
        }
        if (checkedAt.isBefore(deliveredOn)) {
            throw new DomainRuleViolation(
                    422,
                    "check-date",
                    Text.of(
                            "asset.check-before-delivery",
                            "checkedAt",
                            String.valueOf(checkedAt),
                            "serial",
                            serialNumber,
                            "deliveredOn",
                            String.valueOf(deliveredOn)));
        }
        checks++;
        nextCheckDue = firstUnmet();
        return EndUseCheck.of(this, checks, result, checkedAt, checkedBy, note, recordedBy, stored(now));
    }

    /** Each due date with whether a check met it: the k-th by the k-th check. */
    List<DueCheck> schedule() {
        List<DueCheck> schedule = new ArrayList<>();
        for (int k = 0; k < checksDue.size(); k++) {
            schedule.add(new DueCheck(checksDue.get(k), k < checks));
        }
        return schedule;
    }

    /** A due date before {@code today} not met, while the unit is monitored at its end user. */
    public boolean isOverdue(LocalDate today) {
        return nextCheckDue != null
                && nextCheckDue.isBefore(today)
                && EnumSet.of(AssetStatus.DELIVERED, AssetStatus.RECEIVED).contains(status);
    }

    UnitSerial unit() {
        return new UnitSerial(itemCode, serialNumber);
    }

    private LocalDate firstUnmet() {
        return checks < checksDue.size() ? checksDue.get(checks) : null;
    }

    /** Kept to the microsecond, in UTC, as the database keeps it, so an event says what is stored. */
    static OffsetDateTime stored(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
