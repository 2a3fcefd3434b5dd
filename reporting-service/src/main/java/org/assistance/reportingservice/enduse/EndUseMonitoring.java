package org.assistance.reportingservice.enduse;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.assistance.reportingservice.enduse.EndUseReport.CountryRow;
import org.assistance.reportingservice.enduse.EndUseReport.Finding;
import org.assistance.reportingservice.enduse.EndUseReport.OverdueCheck;
import org.assistance.reportingservice.readmodels.ManyRows;
import org.assistance.reportingservice.readmodels.ReadModelTables;
import org.hibernate.Session;

/**
 * Equipment after delivery: the units whose end use is monitored, their checks due, met and
 * overdue, and what the checks found, computed when read from the facts the events left
 * ({@link EndUseFacts}) by the rules of {@link MonitoredUnit}.
 */
@ApplicationScoped
public class EndUseMonitoring {
    /** At most this many overdue checks, and findings, listed in one answer (the totals count them all). */
    public static final int MAX_ROWS = 1000;

    /**
     * A monitored unit per row of {@code end_use_units u}: its request, shipment, item (and the
     * item's name, joined by {@link #ITEM_NAMES}), serial number, country, due dates and checks.
     */
    public static final String UNIT_COLUMNS = """
            u.request_id as unit_request, u.shipment_id as unit_shipment, u.item_code as unit_item, \
            n.item_name as unit_item_name, u.serial_number as unit_serial, u.country as unit_country, \
            u.checks_due::text as unit_checks_due, \
            (select coalesce(jsonb_agg(jsonb_build_array(c.check_number, c.result, c.checked_at)), '[]'::jsonb) \
             from end_use_checks c where c.shipment_id = u.shipment_id and c.item_code = u.item_code \
             and c.serial_number = u.serial_number)::text as unit_checks""";

    /** The join that names the items of {@link #UNIT_COLUMNS}. */
    public static final String ITEM_NAMES = " left join item_names n on n.item_code = u.item_code ";

    /** A unit still monitored: no receipt of its line with serials left it out (it was not rejected). */
    public static final String MONITORED = """
            not exists (select 1 from end_use_receipts x where x.shipment_id = u.shipment_id \
            and x.item_code = u.item_code and not x.serials_accepted @> jsonb_build_array(u.serial_number))""";

    private final EntityManager entityManager;
    private final ReadModelTables tables;
    private final Today today;

    public EndUseMonitoring(EntityManager entityManager, ReadModelTables tables, Today today) {
        this.entityManager = entityManager;
        this.tables = tables;
        this.today = today;
    }

    /**
     * Whose units the report covers, each part null for "every": the destination, the request's
     * programme, a donor funding the request (as the donor feeds decide it), the request's agency.
     */
    public record Filter(String country, String programme, String donor, String agency) {}

    /** The report as of today. */
    @Transactional
    public EndUseReport report(Filter filter) {
        tables.guardReading();
        LocalDate day = today.date();
        List<MonitoredUnit> units =
                entityManager.unwrap(Session.class).doReturningWork(connection -> units(connection, filter));
        Map<String, List<MonitoredUnit>> byCountry = new LinkedHashMap<>();
        List<OverdueCheck> overdue = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (MonitoredUnit unit : units) {
            byCountry.computeIfAbsent(unit.country(), c -> new ArrayList<>()).add(unit);
            for (LocalDate dueOn : unit.overdue(day)) {
                overdue.add(new OverdueCheck(
                        unit.serialNumber(),
                        unit.itemCode(),
                        unit.item(),
                        unit.country(),
                        unit.requestId(),
                        unit.shipmentId(),
                        dueOn,
                        MonitoredUnit.daysOverdue(dueOn, day)));
            }
            for (MonitoredUnit.Check check : unit.findings()) {
                findings.add(new Finding(
                        unit.serialNumber(),
                        unit.itemCode(),
                        unit.item(),
                        unit.country(),
                        unit.requestId(),
                        check.result(),
                        check.checkedAt()));
            }
        }
        overdue.sort(Comparator.comparing(OverdueCheck::dueOn)
                .thenComparing(OverdueCheck::serialNumber, Comparator.nullsLast(Comparator.naturalOrder())));
        findings.sort(Comparator.comparing(Finding::checkedAt)
                .reversed()
                .thenComparing(Finding::serialNumber, Comparator.nullsLast(Comparator.naturalOrder())));
        List<CountryRow> countries = new ArrayList<>();
        byCountry.forEach((country, theirs) -> countries.add(new CountryRow(country, EndUseFigures.of(theirs, day))));
        return new EndUseReport(
                filter.country(),
                filter.programme(),
                filter.donor(),
                day,
                EndUseFigures.of(units, day),
                countries,
                overdue.subList(0, Math.min(MAX_ROWS, overdue.size())),
                findings.subList(0, Math.min(MAX_ROWS, findings.size())));
    }

    private static List<MonitoredUnit> units(Connection connection, Filter filter) throws SQLException {
        StringBuilder sql = new StringBuilder("select ")
                .append(UNIT_COLUMNS)
                .append(" from end_use_units u left join request_facts r on r.request_id = u.request_id")
                .append(ITEM_NAMES)
                .append(" where ")
                .append(MONITORED);
        List<String> parameters = new ArrayList<>();
        if (filter.country() != null) {
            sql.append(" and u.country = ?");
            parameters.add(filter.country());
        }
        if (filter.programme() != null) {
            sql.append(" and r.programme_code = ?");
            parameters.add(filter.programme());
        }
        if (filter.donor() != null) {
            // built by the database: any text is a donor id, never broken JSON
            sql.append(" and r.donors @> jsonb_build_array(cast(? as text))");
            parameters.add(filter.donor());
        }
        if (filter.agency() != null) {
            sql.append(" and coalesce(r.agency_id, u.agency_id) = ?");
            parameters.add(filter.agency());
        }
        sql.append(" order by u.country nulls last, u.request_id, u.shipment_id, u.item_code, u.serial_number");
        List<MonitoredUnit> units = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    units.add(unit(rs));
                }
            }
        }
        return units;
    }

    /** The unit of a row selected with {@link #UNIT_COLUMNS}. */
    public static MonitoredUnit unit(ResultSet rs) throws SQLException {
        List<String> due = ManyRows.fromJson(rs.getString("unit_checks_due"), new TypeReference<List<String>>() {});
        List<List<Object>> checks =
                ManyRows.fromJson(rs.getString("unit_checks"), new TypeReference<List<List<Object>>>() {});
        return new MonitoredUnit(
                rs.getObject("unit_request", UUID.class),
                rs.getObject("unit_shipment", UUID.class),
                rs.getString("unit_item"),
                rs.getString("unit_item_name"),
                rs.getString("unit_serial"),
                rs.getString("unit_country"),
                due == null ? List.of() : due.stream().map(LocalDate::parse).toList(),
                checks == null
                        ? List.of()
                        : checks.stream()
                                .map(c -> new MonitoredUnit.Check(
                                        ((Number) c.get(0)).intValue(),
                                        Objects.toString(c.get(1), null),
                                        LocalDate.parse(c.get(2).toString())))
                                .toList());
    }
}
