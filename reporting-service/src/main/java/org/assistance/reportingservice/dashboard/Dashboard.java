package org.assistance.reportingservice.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.assistance.chassis.texts.Languages;
import org.assistance.reportingservice.dashboard.Kpis.CountryRow;
import org.assistance.reportingservice.dashboard.Kpis.Delivery;
import org.assistance.reportingservice.dashboard.Kpis.Funds;
import org.assistance.reportingservice.dashboard.Kpis.HeldShipments;
import org.assistance.reportingservice.dashboard.Kpis.KindDelivery;
import org.assistance.reportingservice.dashboard.Kpis.Percentiles;
import org.assistance.reportingservice.dashboard.Kpis.ProgrammeMoney;
import org.assistance.reportingservice.dashboard.Kpis.Shipments;
import org.assistance.reportingservice.dashboard.Kpis.TypeDelivery;
import org.assistance.reportingservice.readmodels.ReadModelTables;
import org.assistance.reportingservice.results.ParticipantAggregates;
import org.assistance.reportingservice.timelines.TimelineTexts;

/** The operations KPIs, computed by the database from the read models. */
@ApplicationScoped
public class Dashboard {
    /**
     * Delivered, as request-service reported it; a closed request was delivered too (one delivered
     * before deliverables were reported is closed without a request.delivered event).
     */
    private static final String DELIVERED = "(r.delivered_at is not null or r.closed_at is not null)";

    private static final String DAYS = "extract(epoch from (%s - %s)) / 86400.0";
    /** Held by export controls now: not cleared since its last hold, not cancelled, not gone. */
    private static final String HELD_NOW = """
            (s.held_at is not null and s.cancelled_at is null and s.dispatched_at is null and s.delivered_at is null
             and (s.cleared_at is null or s.cleared_at < coalesce(s.last_held_at, s.held_at)))""";
    /** Held time stops when the shipment is cleared or cancelled; it runs on only while it is held. */
    private static final String HELD_SECONDS = """
            case when s.held_at is null then 0
                 else greatest(s.held_seconds, extract(epoch from
                      (case when %1$s then now()
                            when s.cleared_at is not null then s.cleared_at
                            else coalesce(s.cancelled_at, s.dispatched_at, s.delivered_at, now()) end) - s.held_at)) end""".formatted(HELD_NOW);
    /**
     * The day a dispatched shipment is due: the one it was expected on, else the one its dispatch
     * event said (equipment-service's rule per mode); unknown (never counted delayed) without either.
     */
    private static final String DUE = "coalesce(s.expected_delivery, s.due_by::date)";

    private final EntityManager entityManager;
    private final ReadModelTables tables;

    public Dashboard(EntityManager entityManager, ReadModelTables tables) {
        this.entityManager = entityManager;
        this.tables = tables;
    }

    /** Largest count or sum any figure of the dashboard can reach (a PostgreSQL bigint). */
    static final String MAX = "9223372036854775807";
    /** At most this many programmes, and rows of funds (programme, donor, currency), in one answer. */
    public static final int MAX_PROGRAMMES = 1000;

    public static final int MAX_FUNDS = 5000;
    /** Countries: ISO 3166-1 has 249 codes. */
    public static final int MAX_COUNTRIES = 250;

    public static final int LATEST_EVENTS = 20;

    /** Buckets of days for the distributions the dashboard draws. */
    private static final String BUCKET = """
            case when %1$s <= 7 then '0-7' when %1$s <= 14 then '8-14' when %1$s <= 30 then '15-30'
                 when %1$s <= 60 then '31-60' when %1$s <= 90 then '61-90' else '>90' end""";

    private static final List<String> BUCKETS = List.of("0-7", "8-14", "15-30", "31-60", "61-90", ">90");

    /** One transaction, so a rebuild's switch-over of the tables waits for it rather than deadlocking with it. */
    @Transactional
    public Kpis kpis(DashboardFilter filter) {
        return kpis(filter, Languages.ENGLISH);
    }

    /** The KPIs, the latest events' lines in the reader's language. */
    public Kpis kpis(DashboardFilter filter, Locale language) {
        tables.guardReading();
        DashboardFilter.Where where = filter.where();
        Map<String, Long> byStage = new LinkedHashMap<>();
        for (Tuple row : rows(
                "select r.stage, count(*) as requests from request_facts r where " + where.sql()
                        + " group by r.stage order by r.stage",
                where)) {
            byStage.put(row.get("stage", String.class), number(row, "requests"));
        }
        long total = byStage.values().stream().mapToLong(Long::longValue).sum();

        String approvalDays = DAYS.formatted("r.approved_at", "r.submitted_at");
        String rejectionDays = DAYS.formatted("r.rejected_at", "r.submitted_at");
        Tuple decisions = single("""
                select count(*) filter (where r.approved_at is not null) as approved,
                       count(*) filter (where r.approved_at is not null or r.rejected_at is not null) as decided
                from request_facts r where %s""".formatted(where.sql()), where);
        Percentiles timeToApproval = percentiles(approvalDays, "r.approved_at is not null", where);
        Percentiles timeToRejection =
                percentiles(rejectionDays, "r.rejected_at is not null and r.approved_at is null", where);
        Tuple delivery = single("""
                select percentile_cont(0.5) within group (order by %1$s) as p50,
                       percentile_cont(0.9) within group (order by %1$s) as p90,
                       count(*) as delivered,
                       count(*) filter (where r.desired_by is not null and r.delivered_at::date <= r.desired_by) as on_time
                from request_facts r where %2$s and r.approved_at is not null and r.delivered_at is not null""".formatted(DAYS.formatted("r.delivered_at", "r.approved_at"), where.sql()), where);
        Tuple shipments = single("""
                select count(*) as total,
                       count(*) filter (where s.dispatched_at is not null and s.delivered_at is null
                                          and s.cancelled_at is null) as in_transit,
                       count(*) filter (where s.dispatched_at is not null and s.delivered_at is null
                                          and s.cancelled_at is null and current_date > %1$s) as delayed,
                       count(*) filter (where %3$s) as held_now,
                       count(*) filter (where s.held_at is not null) as ever_held,
                       coalesce(sum(%4$s), 0) / 86400.0 as days_held,
                       count(*) filter (where s.cancelled_at is not null) as cancelled
                from shipment_facts s join request_facts r on r.request_id = s.request_id where %2$s""".formatted(DUE, where.sql(), HELD_NOW, HELD_SECONDS), where);
        Map<String, Long> heldByDestination = new LinkedHashMap<>();
        for (Tuple row : rows(
                "select s.destination, count(*) as shipments from shipment_facts s join request_facts r "
                        + "on r.request_id = s.request_id where " + where.sql() + " and " + HELD_NOW
                        + " group by s.destination order by shipments desc, s.destination",
                where)) {
            heldByDestination.put(trim(row.get("destination", String.class)), number(row, "shipments"));
        }
        Map<String, Long> heldByCategory = new LinkedHashMap<>();
        for (Tuple row : rows(
                "select c.category, count(*) as shipments from shipment_facts s join request_facts r "
                        + "on r.request_id = s.request_id, jsonb_array_elements_text(s.held_categories) c(category) where "
                        + where.sql() + " and " + HELD_NOW + " group by c.category order by shipments desc, c.category",
                where)) {
            heldByCategory.put(row.get("category", String.class), number(row, "shipments"));
        }
        Tuple fill = single(
                "select sum(r.accepted_units) as accepted_units,"
                        + " sum(r.approved_units) filter (where r.received_at is not null) as approved_units,"
                        + " sum(r.participants_women) as participants_women, sum(r.participants_men) as participants_men, "
                        + ParticipantAggregates.SUMS
                        + " from request_facts r where " + where.sql(),
                where);
        List<Funds> funds = funds(filter, where);
        List<ProgrammeMoney> programmes = new ArrayList<>();
        for (Tuple row : rows("""
                select coalesce(r.programme_code, m.programme_code) as programme, m.currency,
                       coalesce(sum(m.amount) filter (where m.kind = 'COMMITTED'), 0) as committed,
                       coalesce(sum(m.amount) filter (where m.kind = 'DISBURSED'), 0) as disbursed,
                       coalesce(sum(m.amount) filter (where m.kind = 'EXPENDITURE'), 0) as spent
                from money_facts m join request_facts r on r.request_id = m.request_id
                where %s group by 1, 2 order by 1, 2 limit %d""".formatted(where.sql(), MAX_PROGRAMMES), where)) {
            programmes.add(new ProgrammeMoney(
                    row.get("programme", String.class),
                    trim(row.get("currency", String.class)),
                    amount(row, "committed"),
                    amount(row, "disbursed"),
                    amount(row, "spent")));
        }
        Delivery deliveryBreakdown = delivery(where);
        List<CountryRow> countries = new ArrayList<>();
        for (Tuple row : rows(
                "select r.country, count(*) as requests, count(*) filter (where " + DELIVERED + ") "
                        + "as delivered from request_facts r where " + where.sql()
                        + " and r.country is not null group by r.country order by requests desc, r.country limit "
                        + MAX_COUNTRIES,
                where)) {
            countries.add(new CountryRow(
                    row.get("country", String.class).trim(), number(row, "requests"), number(row, "delivered")));
        }

        Map<String, Long> approvalDistribution = distribution(
                "select " + BUCKET.formatted(approvalDays)
                        + " as bucket, count(*) as requests from request_facts r where " + where.sql()
                        + " and r.approved_at is not null group by 1",
                where);
        Map<String, Long> rejectionDistribution = distribution(
                "select " + BUCKET.formatted(rejectionDays)
                        + " as bucket, count(*) as requests from request_facts r where " + where.sql()
                        + " and r.rejected_at is not null and r.approved_at is null group by 1",
                where);
        Map<String, Long> deliveryDistribution = distribution(
                "select "
                        + BUCKET.formatted(DAYS.formatted("r.delivered_at", "r.approved_at"))
                        + " as bucket, count(*) as requests from request_facts r where " + where.sql()
                        + " and r.approved_at is not null and r.delivered_at is not null group by 1",
                where);
        List<LiveEvent> latest = new ArrayList<>();
        for (Tuple row : rows(
                "select t.event_type, t.request_id, t.occurred_at, t.source, t.summary,"
                        + " cast(t.summary_text as text) as summary_text "
                        + "from timeline_entries t join request_facts r on r.request_id = t.request_id where "
                        + where.sql()
                        + " order by t.seq desc limit " + LATEST_EVENTS,
                where)) {
            latest.add(new LiveEvent(
                    row.get("event_type", String.class),
                    row.get("request_id", UUID.class),
                    time(row.get("occurred_at")),
                    row.get("source", String.class),
                    TimelineTexts.readIn(
                            row.get("summary_text", String.class), row.get("summary", String.class), language)));
        }

        long approved = number(decisions, "approved");
        long decided = number(decisions, "decided");
        long delivered = number(delivery, "delivered");
        long accepted = number(fill, "accepted_units");
        long approvedUnits = number(fill, "approved_units");
        long heldNow = number(shipments, "held_now");
        long everHeld = number(shipments, "ever_held");
        return new Kpis(
                filter,
                total,
                byStage,
                decided == 0 ? null : percent(approved, decided),
                timeToApproval,
                timeToRejection,
                new Percentiles(days(delivery, "p50"), days(delivery, "p90"), delivered),
                approvalDistribution,
                rejectionDistribution,
                deliveryDistribution,
                delivered == 0 ? null : percent(number(delivery, "on_time"), delivered),
                deliveryBreakdown,
                heldNow,
                everHeld,
                new Shipments(
                        number(shipments, "total"),
                        number(shipments, "in_transit"),
                        number(shipments, "delayed"),
                        number(shipments, "cancelled"),
                        // six decimals: a shipment held for seconds still shows as held time
                        new HeldShipments(
                                heldNow,
                                heldNow,
                                everHeld,
                                round6(numberOrNull(shipments, "days_held").doubleValue()),
                                heldByDestination,
                                heldByCategory)),
                approvedUnits == 0 ? null : percent(accepted, approvedUnits),
                funds,
                programmes,
                number(fill, "participants_women"),
                number(fill, "participants_men"),
                ParticipantAggregates.of(
                        number(fill, "p_women"),
                        number(fill, "p_men"),
                        number(fill, "p_other"),
                        number(fill, "p_not_disclosed"),
                        number(fill, "p_total"),
                        number(fill, "p_rostered"),
                        number(fill, "p_completed"),
                        number(fill, "p_certified"),
                        amount(fill, "p_gain_weighted"),
                        number(fill, "p_gain_participants")),
                countries,
                latest);
    }

    private Percentiles percentiles(String days, String condition, DashboardFilter.Where where) {
        Tuple row = single("""
                select percentile_cont(0.5) within group (order by %1$s) as p50,
                       percentile_cont(0.9) within group (order by %1$s) as p90,
                       count(%1$s) as requests
                from request_facts r where %2$s and %3$s""".formatted(days, where.sql(), condition), where);
        return new Percentiles(days(row, "p50"), days(row, "p90"), number(row, "requests"));
    }

    /**
     * Money per programme, donor and currency. Committed, disbursed and spent are the donors'
     * parts of each amount (credited once), for the requests the filter selects (and only the
     * filtered donor's parts); pledges are programme-wide (period, programme and donor filters).
     */
    private List<Funds> funds(DashboardFilter filter, DashboardFilter.Where where) {
        DashboardFilter.Where parts = filter.donor() == null ? where : where.and("p.donor_id = ?", filter.donor());
        Map<List<String>, BigDecimal[]> money = new TreeMap<>(Comparator.comparing(Object::toString));
        for (Tuple row : rows("""
                select coalesce(r.programme_code, m.programme_code) as programme, p.donor_id, p.currency,
                       coalesce(sum(p.amount) filter (where m.kind = 'COMMITTED'), 0) as committed,
                       coalesce(sum(p.amount) filter (where m.kind = 'DISBURSED'), 0) as disbursed,
                       coalesce(sum(p.amount) filter (where m.kind = 'EXPENDITURE'), 0) as spent
                from money_parts p join money_facts m on m.event_id = p.event_id
                     join request_facts r on r.request_id = m.request_id
                where %s group by 1, 2, 3""".formatted(parts.sql()), parts)) {
            BigDecimal[] sums = money.computeIfAbsent(key(row), k -> zeros());
            sums[1] = row.get("committed", BigDecimal.class);
            sums[2] = row.get("disbursed", BigDecimal.class);
            sums[3] = row.get("spent", BigDecimal.class);
        }
        DashboardFilter.Where pledgeWhere = filter.pledgeWhere();
        for (Tuple row : rows(
                "select p.programme_code as programme, p.donor_id, p.currency, sum(p.amount) as pledged "
                        + "from pledge_facts p where " + pledgeWhere.sql() + " group by 1, 2, 3",
                pledgeWhere)) {
            BigDecimal[] sums = money.computeIfAbsent(key(row), k -> zeros());
            sums[0] = row.get("pledged", BigDecimal.class);
        }
        List<Funds> funds = new ArrayList<>();
        money.forEach((key, sums) -> funds.add(new Funds(
                key.get(0), key.get(1), key.get(2), scale(sums[0]), scale(sums[1]), scale(sums[2]), scale(sums[3]))));
        return funds.size() <= MAX_FUNDS ? funds : funds.subList(0, MAX_FUNDS);
    }

    private Delivery delivery(DashboardFilter.Where where) {
        Tuple totals = single("""
                select count(*) filter (where %2$s) as delivered, count(*) filter (where r.cancelled_at is not null)
                       as cancelled, count(*) filter (where r.closed_at is not null) as closed,
                       avg(r.satisfaction) as satisfaction
                from request_facts r where %1$s""".formatted(where.sql(), DELIVERED), where);
        Map<String, TypeDelivery> byType = new LinkedHashMap<>();
        for (Tuple row : rows("""
                select t.type, count(*) as requests, count(*) filter (where r.approved_at is not null) as approved,
                       count(*) filter (where %2$s) as delivered,
                       count(*) filter (where r.cancelled_at is not null) as cancelled,
                       count(*) filter (where r.closed_at is not null) as closed
                from request_facts r, jsonb_array_elements_text(r.assistance_types) t(type)
                where %1$s group by t.type order by t.type""".formatted(where.sql(), DELIVERED), where)) {
            byType.put(
                    row.get("type", String.class),
                    new TypeDelivery(
                            number(row, "requests"),
                            number(row, "approved"),
                            number(row, "delivered"),
                            number(row, "cancelled"),
                            number(row, "closed")));
        }
        Map<String, KindDelivery> byKind = new LinkedHashMap<>();
        for (Tuple row : rows("""
                select d.kind, count(*) as total, count(*) filter (where d.state = 'DELIVERED') as delivered,
                       count(*) filter (where d.state = 'CANCELLED') as cancelled,
                       count(*) filter (where d.state = 'IN_PROGRESS') as in_progress,
                       count(*) filter (where d.state = 'PENDING') as pending
                from deliverable_facts d join request_facts r on r.request_id = d.request_id
                where %s group by d.kind order by d.kind""".formatted(where.sql()), where)) {
            byKind.put(
                    row.get("kind", String.class),
                    new KindDelivery(
                            number(row, "total"),
                            number(row, "delivered"),
                            number(row, "cancelled"),
                            number(row, "in_progress"),
                            number(row, "pending")));
        }
        Number satisfaction = numberOrNull(totals, "satisfaction");
        return new Delivery(
                number(totals, "delivered"),
                number(totals, "cancelled"),
                number(totals, "closed"),
                satisfaction == null ? null : round(satisfaction.doubleValue()),
                byType,
                byKind);
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    /**
     * Programme, donor and currency of a money row. The programme may still be unknown (equipment
     * delivered before its approval arrived): a null key, never a failed dashboard.
     */
    private static List<String> key(Tuple row) {
        return Arrays.asList(
                row.get("programme", String.class),
                row.get("donor_id", String.class),
                trim(row.get("currency", String.class)));
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private Map<String, Long> distribution(String sql, DashboardFilter.Where where) {
        Map<String, Long> counts = new LinkedHashMap<>();
        BUCKETS.forEach(bucket -> counts.put(bucket, 0L));
        for (Tuple row : rows(sql, where)) {
            counts.put(row.get("bucket", String.class), number(row, "requests"));
        }
        return counts;
    }

    /** The rows of a query, each column read by its name (its alias in the query). */
    @SuppressWarnings("unchecked")
    private List<Tuple> rows(String sql, DashboardFilter.Where where) {
        return (List<Tuple>) query(sql, where).getResultList();
    }

    private Tuple single(String sql, DashboardFilter.Where where) {
        return (Tuple) query(sql, where).getSingleResult();
    }

    private Query query(String sql, DashboardFilter.Where where) {
        Query query = entityManager.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < where.parameters().size(); i++) {
            query.setParameter(i + 1, where.parameters().get(i));
        }
        return query;
    }

    private static java.time.OffsetDateTime time(Object value) {
        if (value instanceof java.time.OffsetDateTime t) {
            return t;
        } else if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        } else if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }

    private static Number numberOrNull(Tuple row, String column) {
        return (Number) row.get(column);
    }

    private static long number(Tuple row, String column) {
        Number value = numberOrNull(row, column);
        return value == null ? 0 : value.longValue();
    }

    private static BigDecimal amount(Tuple row, String column) {
        return scale(row.get(column, BigDecimal.class));
    }

    private static Double days(Tuple row, String column) {
        Number value = numberOrNull(row, column);
        return value == null ? null : round(value.doubleValue());
    }

    private static double percent(long part, long whole) {
        return round(100.0 * part / whole);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static double round6(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).doubleValue();
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
