package org.assistance.reportingservice.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.assistance.reportingservice.readmodels.ReadModelTables;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
                            else coalesce(s.cancelled_at, s.dispatched_at, s.delivered_at, now()) end) - s.held_at)) end"""
            .formatted(HELD_NOW);
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

    /** A count in a breakdown (per stage, per bucket of days, per destination or category). */
    @Schema(name = "Count", type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = MAX)
    public interface Count {
    }

    public record Percentiles(Double p50, Double p90, @Schema(minimum = "0", maximum = MAX) long count) {
    }

    /**
     * Shipments stopped by export controls: {@code count} (= {@code now}) those held at this
     * moment, {@code ever} those held at some point; {@code totalDaysHeld} the time they spent
     * held (until cleared or cancelled); destinations and categories of those held now.
     */
    public record HeldShipments(@Schema(minimum = "0", maximum = MAX) long count,
                                @Schema(minimum = "0", maximum = MAX) long now,
                                @Schema(minimum = "0", maximum = MAX) long ever,
                                double totalDaysHeld,
                                @Schema(additionalProperties = Count.class) Map<String, Long> byDestination,
                                @Schema(additionalProperties = Count.class) Map<String, Long> byCategory) {
    }

    public record Shipments(@Schema(minimum = "0", maximum = MAX) long total,
                            @Schema(minimum = "0", maximum = MAX) long inTransit,
                            @Schema(minimum = "0", maximum = MAX) long delayed,
                            @Schema(minimum = "0", maximum = MAX) long cancelled,
                            HeldShipments held) {
    }

    /** One donor's money in a programme: each amount credited once (the donors' parts add up to it). */
    public record Funds(@Schema(maxLength = 20) String programme, @Schema(maxLength = 100) String donor,
                        @Schema(maxLength = 3) String currency, BigDecimal pledged, BigDecimal committed,
                        BigDecimal disbursed, BigDecimal spent) {
    }

    /** A programme's totals: for each, the sum over its donors in {@code funds} is exactly this. */
    public record ProgrammeMoney(@Schema(maxLength = 20) String programme, @Schema(maxLength = 3) String currency,
                                 BigDecimal committed, BigDecimal disbursed, BigDecimal spent) {
    }

    /** Requests of one assistance type (a request may ask for several) and how many reached their end. */
    public record TypeDelivery(@Schema(minimum = "0", maximum = MAX) long requests,
                               @Schema(minimum = "0", maximum = MAX) long approved,
                               @Schema(minimum = "0", maximum = MAX) long delivered,
                               @Schema(minimum = "0", maximum = MAX) long cancelled,
                               @Schema(minimum = "0", maximum = MAX) long closed) {
    }

    /** Approved components of one kind (EQUIPMENT, TRAINING_COURSE, ...) and where they stand. */
    public record KindDelivery(@Schema(minimum = "0", maximum = MAX) long total,
                               @Schema(minimum = "0", maximum = MAX) long delivered,
                               @Schema(minimum = "0", maximum = MAX) long cancelled,
                               @Schema(minimum = "0", maximum = MAX) long inProgress,
                               @Schema(minimum = "0", maximum = MAX) long pending) {
    }

    /**
     * Delivery of every kind of assistance: requests delivered (closed ones included), cancelled
     * and closed, the partners' satisfaction at closing, and the breakdowns per assistance type and
     * per deliverable kind.
     */
    public record Delivery(@Schema(minimum = "0", maximum = MAX) long delivered,
                           @Schema(minimum = "0", maximum = MAX) long cancelled,
                           @Schema(minimum = "0", maximum = MAX) long closed,
                           Double averageSatisfaction,
                           Map<String, TypeDelivery> byAssistanceType, Map<String, KindDelivery> byDeliverableKind) {
    }

    public record CountryRow(@Schema(maxLength = 2) String country,
                             @Schema(minimum = "0", maximum = MAX) long requests,
                             @Schema(minimum = "0", maximum = MAX) long delivered) {
    }

    /**
     * The KPIs. {@code timeToApproval} counts approved requests only, {@code timeToRejection}
     * rejected ones only (days from submission); {@code heldNow} shipments held at this moment,
     * {@code everHeld} those held at some point.
     */
    public record Kpis(DashboardFilter filter,
                       @Schema(minimum = "0", maximum = MAX) long requests,
                       @Schema(additionalProperties = Count.class) Map<String, Long> byStage,
                       Double approvalRatePercent,
                       @Schema(description = "Days from submission to approval, approved requests only")
                       Percentiles timeToApproval,
                       @Schema(description = "Days from submission to rejection, rejected requests only")
                       Percentiles timeToRejection,
                       Percentiles approvalToDeliveryDays,
                       @Schema(additionalProperties = Count.class) Map<String, Long> approvalDaysDistribution,
                       @Schema(additionalProperties = Count.class) Map<String, Long> rejectionDaysDistribution,
                       @Schema(additionalProperties = Count.class) Map<String, Long> deliveryDaysDistribution,
                       Double onTimeDeliveryPercent,
                       @Schema(description = "Delivery of every kind of assistance, per assistance type and per "
                               + "deliverable kind")
                       Delivery delivery,
                       @Schema(description = "Shipments held by export controls at this moment (not cleared, not cancelled)",
                               minimum = "0", maximum = MAX)
                       long heldNow,
                       @Schema(description = "Shipments held at some point", minimum = "0", maximum = MAX)
                       long everHeld,
                       Shipments shipments, Double fillRatePercent,
                       @Schema(description = "Per programme, donor and currency: each amount credited once (the donors' "
                               + "parts of an amount add up to it); at most " + MAX_FUNDS + " rows (narrow by programme "
                               + "or donor for more)", maxItems = MAX_FUNDS)
                       List<Funds> funds,
                       @Schema(description = "Per programme and currency: committed, disbursed and spent, each the sum "
                               + "over the programme's donors in funds; at most " + MAX_PROGRAMMES + " rows",
                               maxItems = MAX_PROGRAMMES)
                       List<ProgrammeMoney> programmes,
                       @Schema(minimum = "0", maximum = MAX) long participantsWomen,
                       @Schema(minimum = "0", maximum = MAX) long participantsMen,
                       @Schema(description = "Requests and deliveries per country", maxItems = MAX_COUNTRIES)
                       List<CountryRow> countries,
                       @Schema(description = "The latest events of the requests selected, newest first",
                               maxItems = LATEST_EVENTS)
                       List<LiveEvent> latestEvents) {
    }

    /** Buckets of days for the distributions the dashboard draws. */
    private static final String BUCKET = """
            case when %1$s <= 7 then '0-7' when %1$s <= 14 then '8-14' when %1$s <= 30 then '15-30'
                 when %1$s <= 60 then '31-60' when %1$s <= 90 then '61-90' else '>90' end""";
    private static final List<String> BUCKETS = List.of("0-7", "8-14", "15-30", "31-60", "61-90", ">90");

    /** One transaction, so a rebuild's switch-over of the tables waits for it rather than deadlocking with it. */
    @Transactional
    public Kpis kpis(DashboardFilter filter) {
        tables.guardReading();
        DashboardFilter.Where where = filter.where();
        Map<String, Long> byStage = new LinkedHashMap<>();
        for (Object[] row : rows("select r.stage, count(*) from request_facts r where " + where.sql()
                + " group by 1 order by 1", where)) {
            byStage.put((String) row[0], ((Number) row[1]).longValue());
        }
        long total = byStage.values().stream().mapToLong(Long::longValue).sum();

        String approvalDays = DAYS.formatted("r.approved_at", "r.submitted_at");
        String rejectionDays = DAYS.formatted("r.rejected_at", "r.submitted_at");
        Object[] decisions = single("""
                select count(*) filter (where r.approved_at is not null),
                       count(*) filter (where r.approved_at is not null or r.rejected_at is not null)
                from request_facts r where %s""".formatted(where.sql()), where);
        Percentiles timeToApproval = percentiles(approvalDays, "r.approved_at is not null", where);
        Percentiles timeToRejection = percentiles(rejectionDays, "r.rejected_at is not null and r.approved_at is null",
                where);
        Object[] delivery = single("""
                select percentile_cont(0.5) within group (order by %1$s),
                       percentile_cont(0.9) within group (order by %1$s),
                       count(*),
                       count(*) filter (where r.desired_by is not null and r.delivered_at::date <= r.desired_by)
                from request_facts r where %2$s and r.approved_at is not null and r.delivered_at is not null"""
                .formatted(DAYS.formatted("r.delivered_at", "r.approved_at"), where.sql()), where);
        Object[] shipments = single("""
                select count(*),
                       count(*) filter (where s.dispatched_at is not null and s.delivered_at is null
                                          and s.cancelled_at is null),
                       count(*) filter (where s.dispatched_at is not null and s.delivered_at is null
                                          and s.cancelled_at is null and current_date > %1$s),
                       count(*) filter (where %3$s),
                       count(*) filter (where s.held_at is not null),
                       coalesce(sum(%4$s), 0) / 86400.0,
                       count(*) filter (where s.cancelled_at is not null)
                from shipment_facts s join request_facts r on r.request_id = s.request_id where %2$s"""
                .formatted(DUE, where.sql(), HELD_NOW, HELD_SECONDS), where);
        Map<String, Long> heldByDestination = new LinkedHashMap<>();
        for (Object[] row : rows("select s.destination, count(*) from shipment_facts s join request_facts r "
                + "on r.request_id = s.request_id where " + where.sql() + " and " + HELD_NOW
                + " group by 1 order by 2 desc, 1", where)) {
            heldByDestination.put(trim((String) row[0]), ((Number) row[1]).longValue());
        }
        Map<String, Long> heldByCategory = new LinkedHashMap<>();
        for (Object[] row : rows("select c.category, count(*) from shipment_facts s join request_facts r "
                + "on r.request_id = s.request_id, jsonb_array_elements_text(s.held_categories) c(category) where "
                + where.sql() + " and " + HELD_NOW + " group by 1 order by 2 desc, 1", where)) {
            heldByCategory.put((String) row[0], ((Number) row[1]).longValue());
        }
        Object[] fill = single("select sum(r.accepted_units), sum(r.approved_units) filter (where r.received_at is not null),"
                + " sum(r.participants_women), sum(r.participants_men) from request_facts r where " + where.sql(), where);
        List<Funds> funds = funds(filter, where);
        List<ProgrammeMoney> programmes = new ArrayList<>();
        for (Object[] row : rows("""
                select coalesce(r.programme_code, m.programme_code), m.currency,
                       coalesce(sum(m.amount) filter (where m.kind = 'COMMITTED'), 0),
                       coalesce(sum(m.amount) filter (where m.kind = 'DISBURSED'), 0),
                       coalesce(sum(m.amount) filter (where m.kind = 'EXPENDITURE'), 0)
                from money_facts m join request_facts r on r.request_id = m.request_id
                where %s group by 1, 2 order by 1, 2 limit %d""".formatted(where.sql(), MAX_PROGRAMMES), where)) {
            programmes.add(new ProgrammeMoney((String) row[0], trim((String) row[1]), scale((BigDecimal) row[2]),
                    scale((BigDecimal) row[3]), scale((BigDecimal) row[4])));
        }
        Delivery deliveryBreakdown = delivery(where);
        List<CountryRow> countries = new ArrayList<>();
        for (Object[] row : rows("select r.country, count(*), count(*) filter (where " + DELIVERED + ") "
                + "from request_facts r where " + where.sql() + " and r.country is not null group by 1 order by 2 desc, 1 limit " + MAX_COUNTRIES,
                where)) {
            countries.add(new CountryRow(((String) row[0]).trim(), ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue()));
        }

        Map<String, Long> approvalDistribution = distribution("select " + BUCKET.formatted(approvalDays)
                + ", count(*) from request_facts r where " + where.sql() + " and r.approved_at is not null group by 1",
                where);
        Map<String, Long> rejectionDistribution = distribution("select " + BUCKET.formatted(rejectionDays)
                + ", count(*) from request_facts r where " + where.sql()
                + " and r.rejected_at is not null and r.approved_at is null group by 1", where);
        Map<String, Long> deliveryDistribution = distribution("select "
                + BUCKET.formatted(DAYS.formatted("r.delivered_at", "r.approved_at"))
                + ", count(*) from request_facts r where " + where.sql()
                + " and r.approved_at is not null and r.delivered_at is not null group by 1", where);
        List<LiveEvent> latest = new ArrayList<>();
        for (Object[] row : rows("select t.event_type, t.request_id, t.occurred_at, t.source, t.summary "
                + "from timeline_entries t join request_facts r on r.request_id = t.request_id where " + where.sql()
                + " order by t.seq desc limit " + LATEST_EVENTS, where)) {
            latest.add(new LiveEvent((String) row[0], (java.util.UUID) row[1],
                    time(row[2]), (String) row[3], (String) row[4]));
        }

        long approved = number(decisions[0]);
        long decided = number(decisions[1]);
        long delivered = number(delivery[2]);
        long accepted = number(fill[0]);
        long approvedUnits = number(fill[1]);
        long heldNow = number(shipments[3]);
        long everHeld = number(shipments[4]);
        return new Kpis(filter, total, byStage, decided == 0 ? null : percent(approved, decided),
                timeToApproval, timeToRejection,
                new Percentiles(days(delivery[0]), days(delivery[1]), delivered),
                approvalDistribution, rejectionDistribution, deliveryDistribution,
                delivered == 0 ? null : percent(number(delivery[3]), delivered), deliveryBreakdown, heldNow, everHeld,
                new Shipments(number(shipments[0]), number(shipments[1]), number(shipments[2]), number(shipments[6]),
                        // six decimals: a shipment held for seconds still shows as held time
                        new HeldShipments(heldNow, heldNow, everHeld, round6(((Number) shipments[5]).doubleValue()),
                                heldByDestination, heldByCategory)),
                approvedUnits == 0 ? null : percent(accepted, approvedUnits), funds, programmes, number(fill[2]),
                number(fill[3]), countries, latest);
    }

    private Percentiles percentiles(String days, String condition, DashboardFilter.Where where) {
        Object[] row = single("""
                select percentile_cont(0.5) within group (order by %1$s),
                       percentile_cont(0.9) within group (order by %1$s),
                       count(%1$s)
                from request_facts r where %2$s and %3$s""".formatted(days, where.sql(), condition), where);
        return new Percentiles(days(row[0]), days(row[1]), number(row[2]));
    }

    /**
     * Money per programme, donor and currency. Committed, disbursed and spent are the donors'
     * parts of each amount (credited once), for the requests the filter selects (and only the
     * filtered donor's parts); pledges are programme-wide (period, programme and donor filters).
     */
    private List<Funds> funds(DashboardFilter filter, DashboardFilter.Where where) {
        DashboardFilter.Where parts = filter.donor() == null ? where : where.and("p.donor_id = ?", filter.donor());
        Map<List<String>, BigDecimal[]> money = new TreeMap<>(Comparator.comparing(Object::toString));
        for (Object[] row : rows("""
                select coalesce(r.programme_code, m.programme_code), p.donor_id, p.currency,
                       coalesce(sum(p.amount) filter (where m.kind = 'COMMITTED'), 0),
                       coalesce(sum(p.amount) filter (where m.kind = 'DISBURSED'), 0),
                       coalesce(sum(p.amount) filter (where m.kind = 'EXPENDITURE'), 0)
                from money_parts p join money_facts m on m.event_id = p.event_id
                     join request_facts r on r.request_id = m.request_id
                where %s group by 1, 2, 3""".formatted(parts.sql()), parts)) {
            BigDecimal[] sums = money.computeIfAbsent(key(row),
                    k -> zeros());
            sums[1] = (BigDecimal) row[3];
            sums[2] = (BigDecimal) row[4];
            sums[3] = (BigDecimal) row[5];
        }
        DashboardFilter.Where pledgeWhere = filter.pledgeWhere();
        for (Object[] row : rows("select p.programme_code, p.donor_id, p.currency, sum(p.amount) from pledge_facts p where "
                + pledgeWhere.sql() + " group by 1, 2, 3", pledgeWhere)) {
            BigDecimal[] sums = money.computeIfAbsent(key(row),
                    k -> zeros());
            sums[0] = (BigDecimal) row[3];
        }
        List<Funds> funds = new ArrayList<>();
        money.forEach((key, sums) -> funds.add(new Funds(key.get(0), key.get(1), key.get(2), scale(sums[0]),
                scale(sums[1]), scale(sums[2]), scale(sums[3]))));
        return funds.size() <= MAX_FUNDS ? funds : funds.subList(0, MAX_FUNDS);
    }

    private Delivery delivery(DashboardFilter.Where where) {
        Object[] totals = single("""
                select count(*) filter (where %2$s), count(*) filter (where r.cancelled_at is not null),
                       count(*) filter (where r.closed_at is not null), avg(r.satisfaction)
                from request_facts r where %1$s""".formatted(where.sql(), DELIVERED), where);
        Map<String, TypeDelivery> byType = new LinkedHashMap<>();
        for (Object[] row : rows("""
                select t.type, count(*), count(*) filter (where r.approved_at is not null),
                       count(*) filter (where %2$s), count(*) filter (where r.cancelled_at is not null),
                       count(*) filter (where r.closed_at is not null)
                from request_facts r, jsonb_array_elements_text(r.assistance_types) t(type)
                where %1$s group by 1 order by 1""".formatted(where.sql(), DELIVERED), where)) {
            byType.put((String) row[0], new TypeDelivery(number(row[1]), number(row[2]), number(row[3]), number(row[4]),
                    number(row[5])));
        }
        Map<String, KindDelivery> byKind = new LinkedHashMap<>();
        for (Object[] row : rows("""
                select d.kind, count(*), count(*) filter (where d.state = 'DELIVERED'),
                       count(*) filter (where d.state = 'CANCELLED'), count(*) filter (where d.state = 'IN_PROGRESS'),
                       count(*) filter (where d.state = 'PENDING')
                from deliverable_facts d join request_facts r on r.request_id = d.request_id
                where %s group by 1 order by 1""".formatted(where.sql()), where)) {
            byKind.put((String) row[0], new KindDelivery(number(row[1]), number(row[2]), number(row[3]), number(row[4]),
                    number(row[5])));
        }
        return new Delivery(number(totals[0]), number(totals[1]), number(totals[2]),
                totals[3] == null ? null : round(((Number) totals[3]).doubleValue()), byType, byKind);
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    /**
     * Programme, donor and currency of a money row. The programme may still be unknown (equipment
     * delivered before its approval arrived): a null key, never a failed dashboard.
     */
    private static List<String> key(Object[] row) {
        return Arrays.asList((String) row[0], (String) row[1], trim((String) row[2]));
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private Map<String, Long> distribution(String sql, DashboardFilter.Where where) {
        Map<String, Long> counts = new LinkedHashMap<>();
        BUCKETS.forEach(bucket -> counts.put(bucket, 0L));
        for (Object[] row : rows(sql, where)) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, DashboardFilter.Where where) {
        return (List<Object[]>) query(sql, where).getResultList();
    }

    private Object[] single(String sql, DashboardFilter.Where where) {
        return (Object[]) query(sql, where).getSingleResult();
    }

    private Query query(String sql, DashboardFilter.Where where) {
        Query query = entityManager.createNativeQuery(sql);
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

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double days(Object value) {
        return value == null ? null : round(((Number) value).doubleValue());
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
