package org.assistance.equipmentservice.assets;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.events.ShipmentEvents.EndUseMonitoringStarted;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.security.TenantScope;
import org.assistance.chassis.texts.Text;
import org.assistance.equipmentservice.texts.Listing;

/**
 * The register of every unit dispatched with a serial number: written as its shipment is
 * dispatched, delivered and received (in the shipment's transaction), and by the end-use checks
 * recorded on it, each with its event (assistance.shipment.end-use-monitoring-started.v1,
 * ...end-use-check-recorded.v1). A serial number is registered once, whichever shipment carried it.
 * A check recorded by staff is in the audit trail too (kind {@value #CHECK_AUDIT_KIND}).
 */
@ApplicationScoped
@Startup
public class AssetRegister {
    private static final String UNIQUE_VIOLATION = "23505";
    static final String CHECK_AUDIT_KIND = "end-use-check";

    private final Outbox outbox;
    private final EndUseMonitoring monitoring;
    private final Clock clock;
    private final AuditTrail audit;

    public AssetRegister(Outbox outbox, EndUseMonitoring monitoring, Clock clock, AuditTrail audit) {
        this.outbox = outbox;
        this.monitoring = monitoring.ascending();
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * The units of a shipment handed to the carrier, registered when they keep the rules ({@link
     * UnitsAtDispatch}) and none is registered already (409 naming them); the units, or null when
     * none were given.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UnitSerial> dispatched(
            UUID requestId,
            UUID shipmentId,
            String agencyId,
            String country,
            List<ShipmentLine> lines,
            boolean licensed,
            List<UnitSerial> units,
            OffsetDateTime at) {
        List<UnitSerial> checked = UnitsAtDispatch.checked(lines, licensed, units);
        if (checked.isEmpty()) {
            return null;
        }
        List<String> serials = checked.stream().map(UnitSerial::serialNumber).toList();
        List<Asset> registered = Asset.list("serialNumber in ?1 order by serialNumber", serials);
        if (!registered.isEmpty()) {
            throw alreadyRegistered(registered.stream()
                    .map(a -> Text.of(
                            "asset.registered-unit",
                            "serial",
                            a.serialNumber,
                            "item",
                            a.itemCode,
                            "shipment",
                            String.valueOf(a.shipmentId)))
                    .toList());
        }
        Map<String, ShipmentLine> lineOf =
                lines.stream().collect(Collectors.toMap(ShipmentLine::itemCode, Function.identity(), (a, b) -> a));
        for (UnitSerial unit : checked) {
            Asset.dispatched(unit, lineOf.get(unit.itemCode()), licensed, requestId, shipmentId, agencyId, country, at)
                    .persist();
        }
        try {
            Asset.flush();
        } catch (PersistenceException e) {
            // another dispatch registered one of them meanwhile
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    throw alreadyRegistered(List.of(Text.of("asset.registered-just-now", "count", serials.size())));
                }
            }
            throw e;
        }
        return checked;
    }

    private static DomainRuleViolation alreadyRegistered(List<Text> serials) {
        return new DomainRuleViolation(
                409,
                "serial-already-registered",
                Text.of("asset.already-registered", "serials", Listing.abbreviated(serials, 20)));
    }

    /**
     * The shipment was delivered at {@code at}: its units are DELIVERED, and when some are
     * monitored their checks fall due {@link EndUseMonitoring#checkMonths()} after the day of
     * delivery; that is published (EndUseMonitoringStarted).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delivered(UUID requestId, UUID shipmentId, String agencyId, String country, OffsetDateTime at) {
        List<Asset> units = Asset.list("shipmentId = ?1 order by itemCode, serialNumber", shipmentId);
        List<LocalDate> due = monitoring.checksDue(at.toLocalDate());
        List<UnitSerial> monitored = new ArrayList<>();
        for (Asset unit : units) {
            if (unit.status == AssetStatus.DISPATCHED) {
                unit.delivered(at, due);
                if (unit.monitored) {
                    monitored.add(unit.unit());
                }
            }
        }
        if (!monitored.isEmpty()) {
            outbox.record(new EndUseMonitoringStarted(
                    requestId, shipmentId, agencyId, country, monitored, due, at, OffsetDateTime.now(clock)));
        }
    }

    /**
     * The partner's receipt: a line's {@code serialsAccepted} are RECEIVED and its other units
     * REJECTED (they leave monitoring); a line with none named is accepted whole when nothing of
     * it was rejected, and otherwise (a receipt of before serials were confirmed) left DELIVERED.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void received(UUID shipmentId, List<ReceiptLine> lines, OffsetDateTime at) {
        Map<String, List<Asset>> byItem =
                Asset.<Asset>find("shipmentId = ?1", shipmentId).withLock(LockModeType.PESSIMISTIC_WRITE).stream()
                        .collect(Collectors.groupingBy(a -> a.itemCode, LinkedHashMap::new, Collectors.toList()));
        for (ReceiptLine line : lines == null ? List.<ReceiptLine>of() : lines) {
            List<Asset> units = byItem.getOrDefault(line.itemCode(), List.of());
            if (line.serialsAccepted() != null) {
                for (Asset unit : units) {
                    if (line.serialsAccepted().contains(unit.serialNumber)) {
                        unit.accepted(at);
                    } else {
                        unit.rejected(at);
                    }
                }
            } else if (line.quantityRejected() == 0) {
                units.forEach(u -> u.accepted(at));
            }
        }
    }

    /** Records a check of a unit (staff only) with its event; the k-th check meets the k-th due date. */
    @Transactional
    public EndUseCheck check(
            String serialNumber,
            CheckResult result,
            LocalDate checkedAt,
            String checkedBy,
            String note,
            String recordedBy) {
        Asset asset = Asset.findById(serialNumber, LockModeType.PESSIMISTIC_WRITE);
        if (asset == null) {
            throw DomainRuleViolation.notFound(Text.of("asset.not-found", "serial", serialNumber));
        }
        EndUseCheck check =
                asset.check(result, checkedAt, checkedBy, note, recordedBy, today(), OffsetDateTime.now(clock));
        check.persist();
        outbox.record(check.recordedEvent(asset));
        audit.created(CHECK_AUDIT_KIND, check.id, EndUseCheckView.of(check));
        return check;
    }

    /**
     * Units the scope may read (a partner its agency's, a focal point those to its State), newest
     * dispatch first, filtered as given, after the unit dispatched at {@code afterAt} with {@code
     * afterSerial} if given; one more than {@code limit}.
     */
    public List<Asset> page(
            AssetFilter filter, TenantScope scope, OffsetDateTime afterAt, String afterSerial, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.requestId() != null) {
            query.append(" and requestId = :request");
            params.put("request", filter.requestId());
        }
        if (filter.country() != null) {
            query.append(" and country = :country");
            params.put("country", filter.country());
        }
        if (filter.itemCode() != null) {
            query.append(" and itemCode = :item");
            params.put("item", filter.itemCode());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.monitored() != null) {
            query.append(" and monitored = :monitored");
            params.put("monitored", filter.monitored());
        }
        if (filter.overdue() != null) {
            // only units at their end user have a next due date (a rejected one has none)
            query.append(
                    filter.overdue()
                            ? " and nextCheckDue < :today"
                            : " and (nextCheckDue is null or nextCheckDue >= :today)");
            params.put("today", today());
        }
        if (scope.confinedToAgency()) {
            query.append(" and agencyId = :agency");
            params.put("agency", scope.agency());
        }
        if (scope.confinedToCountry()) {
            query.append(" and country = :scopeCountry");
            params.put("scopeCountry", scope.country());
        }
        if (afterAt != null) {
            query.append(" and (dispatchedAt < :at or (dispatchedAt = :at and serialNumber > :serial))");
            params.put("at", afterAt);
            params.put("serial", afterSerial);
        }
        return Asset.<Asset>find(
                        query.append(" order by dispatchedAt desc, serialNumber")
                                .toString(),
                        params)
                .range(0, limit)
                .list();
    }

    /** The last check of each of these units that has one, by serial number. */
    public Map<String, EndUseCheck> lastChecks(List<Asset> units) {
        return EndUseCheck.lastOf(units.stream().map(a -> a.serialNumber).toList()).stream()
                .collect(Collectors.toMap(c -> c.serialNumber, Function.identity()));
    }

    /** One unit; one outside the caller's scope (another agency's, another State's) is not found. */
    public Asset get(String serialNumber, TenantScope scope) {
        Asset asset = Asset.findById(serialNumber);
        if (asset == null || !scope.includesRequest(asset.agencyId, asset.country)) {
            throw DomainRuleViolation.notFound(Text.of("asset.not-found", "serial", serialNumber));
        }
        return asset;
    }

    /** The checks of a unit the scope may read, first first. */
    public List<EndUseCheck> checks(String serialNumber, TenantScope scope) {
        return EndUseCheck.of(get(serialNumber, scope).serialNumber);
    }

    /** One check of a unit the scope may read. */
    public EndUseCheck check(String serialNumber, UUID checkId, TenantScope scope) {
        Asset asset = get(serialNumber, scope);
        EndUseCheck check = EndUseCheck.findById(checkId);
        if (check == null || !check.serialNumber.equals(asset.serialNumber)) {
            throw DomainRuleViolation.notFound(
                    Text.of("asset.check-not-found", "check", String.valueOf(checkId), "serial", serialNumber));
        }
        return check;
    }

    /** Today, by the register's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
