package org.assistance.reportingservice.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations KPIs, computed by the database from the read models. */
@ApplicationScoped
public class Dashboard {
    private static final String STAGE = """
            case when r.withdrawn_at is not null then 'WITHDRAWN'
                 when r.rejected_at is not null then 'REJECTED'
                 when r.delivered_at is not null then 'DELIVERED'
                 when r.first_dispatch_at is not null then 'IN_DELIVERY'
                 when r.approved_at is not null and r.partial then 'PARTIALLY_APPROVED'
                 when r.approved_at is not null then 'APPROVED'
                 when r.information_requested_at is not null then 'INFORMATION_REQUESTED'
                 else 'SUBMITTED' end""";
    private static final String DAYS = "extract(epoch from (%s - %s)) / 86400.0";
    private static final String DUE = """
            coalesce(s.expected_delivery, (s.dispatched_at + (case s.mode when 'SEA' then 60 when 'LAND' then 7
                                                                          else 30 end) * interval '1 day')::date)""";

    private final EntityManager entityManager;

    public Dashboard(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Percentiles(Double p50, Double p90, long count) {
    }

    public record HeldShipments(long count, double totalDaysHeld, Map<String, Long> byDestination,
                                Map<String, Long> byCategory) {
    }

    public record Shipments(long total, long inTransit, long delayed, HeldShipments held) {
    }

    public record Funds(String programme, String donor, String currency, BigDecimal pledged, BigDecimal committed,
                        BigDecimal disbursed) {
    }

    public record CountryRow(String country, long requests, long delivered) {
    }

    public record Kpis(DashboardFilter filter, long requests, Map<String, Long> byStage, Double approvalRatePercent,
                       Percentiles timeToDecisionDays, Percentiles approvalToDeliveryDays,
                       Map<String, Long> decisionDaysDistribution, Map<String, Long> deliveryDaysDistribution,
                       Double onTimeDeliveryPercent, Shipments shipments, Double fillRatePercent, List<Funds> funds,
                       long participantsWomen, long participantsMen, List<CountryRow> countries,
                       List<LiveEvent> latestEvents) {
    }

    /** Buckets of days for the distributions the dashboard draws. */
    private static final String BUCKET = """
            case when %1$s <= 7 then '0-7' when %1$s <= 14 then '8-14' when %1$s <= 30 then '15-30'
                 when %1$s <= 60 then '31-60' when %1$s <= 90 then '61-90' else '>90' end""";
    private static final List<String> BUCKETS = List.of("0-7", "8-14", "15-30", "31-60", "61-90", ">90");

    public Kpis kpis(DashboardFilter filter) {
        DashboardFilter.Where where = filter.where();
        Map<String, Long> byStage = new LinkedHashMap<>();
        for (Object[] row : rows("select " + STAGE + " as stage, count(*) from request_facts r where " + where.sql()
                + " group by 1 order by 1", where)) {
            byStage.put((String) row[0], ((Number) row[1]).longValue());
        }
        long total = byStage.values().stream().mapToLong(Long::longValue).sum();

        Object[] decisions = single("""
                select count(*) filter (where r.approved_at is not null),
                       count(*) filter (where r.approved_at is not null or r.rejected_at is not null),
                       percentile_cont(0.5) within group (order by %1$s),
                       percentile_cont(0.9) within group (order by %1$s),
                       count(%1$s)
                from request_facts r where %2$s and (r.approved_at is not null or r.rejected_at is not null)"""
                .formatted(DAYS.formatted("coalesce(least(r.approved_at, r.rejected_at), r.approved_at, r.rejected_at)",
                        "r.submitted_at"), where.sql()), where);
        Object[] delivery = single("""
                select percentile_cont(0.5) within group (order by %1$s),
                       percentile_cont(0.9) within group (order by %1$s),
                       count(*),
                       count(*) filter (where r.desired_by is not null and r.delivered_at::date <= r.desired_by)
                from request_facts r where %2$s and r.approved_at is not null and r.delivered_at is not null"""
                .formatted(DAYS.formatted("r.delivered_at", "r.approved_at"), where.sql()), where);
        Object[] shipments = single("""
                select count(*),
                       count(*) filter (where s.dispatched_at is not null and s.delivered_at is null),
                       count(*) filter (where s.dispatched_at is not null and s.delivered_at is null
                                          and current_date > %1$s),
                       count(*) filter (where s.held_at is not null),
                       coalesce(sum(case when s.held_at is null then 0
                                         when s.cleared_at is null then extract(epoch from now() - s.held_at)
                                         else greatest(s.held_seconds,
                                                       extract(epoch from s.cleared_at - s.held_at)) end), 0) / 86400.0
                from shipment_facts s join request_facts r on r.request_id = s.request_id where %2$s"""
                .formatted(DUE, where.sql()), where);
        Map<String, Long> heldByDestination = new LinkedHashMap<>();
        for (Object[] row : rows("select s.destination, count(*) from shipment_facts s join request_facts r "
                + "on r.request_id = s.request_id where " + where.sql() + " and s.held_at is not null "
                + "group by 1 order by 2 desc, 1", where)) {
            heldByDestination.put((String) row[0], ((Number) row[1]).longValue());
        }
        Map<String, Long> heldByCategory = new LinkedHashMap<>();
        for (Object[] row : rows("select c.category, count(*) from shipment_facts s join request_facts r "
                + "on r.request_id = s.request_id, jsonb_array_elements_text(s.held_categories) c(category) where "
                + where.sql() + " and s.held_at is not null group by 1 order by 2 desc, 1", where)) {
            heldByCategory.put((String) row[0], ((Number) row[1]).longValue());
        }
        Object[] fill = single("select sum(r.accepted_units), sum(r.approved_units) filter (where r.received_at is not null),"
                + " sum(r.participants_women), sum(r.participants_men) from request_facts r where " + where.sql(), where);
        // committed and disbursed follow the requests' filters; pledges are programme-wide (period,
        // programme and donor filters apply to them)
        Map<List<String>, BigDecimal[]> money = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (Object[] row : rows("""
                select coalesce(r.programme_code, m.programme_code), d.donor, m.currency,
                       coalesce(sum(m.amount) filter (where m.kind = 'COMMITTED'), 0),
                       coalesce(sum(m.amount) filter (where m.kind = 'DISBURSED'), 0)
                from money_facts m join request_facts r on r.request_id = m.request_id,
                     jsonb_array_elements_text(case when jsonb_array_length(r.donors) = 0 then '["(unknown)"]'::jsonb
                                                    else r.donors end) d(donor)
                where %s and m.kind <> 'EXPENDITURE' group by 1, 2, 3""".formatted(where.sql()), where)) {
            BigDecimal[] sums = money.computeIfAbsent(List.of((String) row[0], (String) row[1], ((String) row[2]).trim()),
                    k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            sums[1] = (BigDecimal) row[3];
            sums[2] = (BigDecimal) row[4];
        }
        DashboardFilter.Where pledgeWhere = filter.pledgeWhere();
        for (Object[] row : rows("select p.programme_code, p.donor_id, p.currency, sum(p.amount) from pledge_facts p where "
                + pledgeWhere.sql() + " group by 1, 2, 3", pledgeWhere)) {
            BigDecimal[] sums = money.computeIfAbsent(List.of((String) row[0], (String) row[1], ((String) row[2]).trim()),
                    k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = (BigDecimal) row[3];
        }
        List<Funds> funds = new ArrayList<>();
        money.forEach((key, sums) -> funds.add(new Funds(key.get(0), key.get(1), key.get(2), scale(sums[0]),
                scale(sums[1]), scale(sums[2]))));
        List<CountryRow> countries = new ArrayList<>();
        for (Object[] row : rows("select r.country, count(*), count(r.delivered_at) from request_facts r where "
                + where.sql() + " and r.country is not null group by 1 order by 2 desc, 1", where)) {
            countries.add(new CountryRow(((String) row[0]).trim(), ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue()));
        }

        String decisionDays = DAYS.formatted(
                "coalesce(least(r.approved_at, r.rejected_at), r.approved_at, r.rejected_at)", "r.submitted_at");
        Map<String, Long> decisionDistribution = distribution("select " + BUCKET.formatted(decisionDays)
                + ", count(*) from request_facts r where " + where.sql()
                + " and (r.approved_at is not null or r.rejected_at is not null) group by 1", where);
        Map<String, Long> deliveryDistribution = distribution("select "
                + BUCKET.formatted(DAYS.formatted("r.delivered_at", "r.approved_at"))
                + ", count(*) from request_facts r where " + where.sql()
                + " and r.approved_at is not null and r.delivered_at is not null group by 1", where);
        List<LiveEvent> latest = new ArrayList<>();
        for (Object[] row : rows("select t.event_type, t.request_id, t.occurred_at, t.source, t.summary "
                + "from timeline_entries t join request_facts r on r.request_id = t.request_id where " + where.sql()
                + " order by t.seq desc limit 20", where)) {
            latest.add(new LiveEvent((String) row[0], (java.util.UUID) row[1],
                    time(row[2]), (String) row[3], (String) row[4]));
        }

        long approved = number(decisions[0]);
        long decided = number(decisions[1]);
        long delivered = number(delivery[2]);
        long accepted = number(fill[0]);
        long approvedUnits = number(fill[1]);
        return new Kpis(filter, total, byStage, decided == 0 ? null : percent(approved, decided),
                new Percentiles(days(decisions[2]), days(decisions[3]), number(decisions[4])),
                new Percentiles(days(delivery[0]), days(delivery[1]), delivered),
                decisionDistribution, deliveryDistribution,
                delivered == 0 ? null : percent(number(delivery[3]), delivered),
                new Shipments(number(shipments[0]), number(shipments[1]), number(shipments[2]),
                        // six decimals: a shipment held for seconds still shows as held time
                        new HeldShipments(number(shipments[3]), round6(((Number) shipments[4]).doubleValue()),
                                heldByDestination, heldByCategory)),
                approvedUnits == 0 ? null : percent(accepted, approvedUnits), funds, number(fill[2]), number(fill[3]),
                countries, latest);
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
