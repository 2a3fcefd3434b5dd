package org.assistance.reportingservice.countries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.assistance.reportingservice.countries.CountryReport.Amount;
import org.assistance.reportingservice.countries.CountryReport.CurrencyRow;
import org.assistance.reportingservice.countries.CountryReport.Endorsements;
import org.assistance.reportingservice.countries.CountryReport.PriorityRow;
import org.assistance.reportingservice.readmodels.ReadModelTables;

/**
 * The country report, from the read models: the requests of the State (their country), the value
 * approved (each approved request's approved amount, once) and delivered (the value of equipment
 * delivered and the activities' disbursements, each event's amount once), grouped by the national
 * priority each request names. A request naming no priority, or one the State did not state,
 * counts in the row of requests naming none.
 */
@ApplicationScoped
public class CountryReports {
    public static final int MAX_PRIORITIES = 500;

    private final EntityManager entityManager;
    private final ReadModelTables tables;

    public CountryReports(EntityManager entityManager, ReadModelTables tables) {
        this.entityManager = entityManager;
        this.tables = tables;
    }

    /** The sums of one row, per currency. */
    private static final class Sums {
        long requests;
        long approvedRequests;
        final Map<String, BigDecimal> approved = new TreeMap<>();
        final Map<String, BigDecimal> delivered = new TreeMap<>();
    }

    @Transactional
    public CountryReport of(String country) {
        tables.guardReading();
        Map<UUID, Tuple> priorities = new LinkedHashMap<>();
        for (Tuple p : rows(
                "select priority_id, rank, title, thematic_area, strategy_reference, period_from, period_to"
                        + " from national_priorities where country = ?1 order by rank, title, priority_id",
                country)) {
            priorities.put(p.get("priority_id", UUID.class), p);
        }
        Map<UUID, Sums> byPriority = new LinkedHashMap<>();
        priorities.keySet().forEach(id -> byPriority.put(id, new Sums()));
        Sums none = new Sums();
        long endorsed = 0;
        long declined = 0;
        long undecided = 0;
        Map<UUID, Sums> rowOfRequest = new HashMap<>();
        for (Tuple r : rows("""
                select r.request_id, r.approved_at is not null as approved, r.approved_amount, r.approved_currency,
                       rp.priority_id, e.decision
                from request_facts r
                     left join request_priorities rp on rp.request_id = r.request_id
                     left join request_endorsements e on e.request_id = r.request_id
                where r.country = ?1""", country)) {
            UUID priority = r.get("priority_id", UUID.class);
            Sums row = priority != null && byPriority.containsKey(priority) ? byPriority.get(priority) : none;
            rowOfRequest.put(r.get("request_id", UUID.class), row);
            row.requests++;
            if (Boolean.TRUE.equals(r.get("approved", Boolean.class))) {
                row.approvedRequests++;
                BigDecimal amount = r.get("approved_amount", BigDecimal.class);
                String currency = r.get("approved_currency", String.class);
                if (amount != null && currency != null) {
                    row.approved.merge(currency, amount, BigDecimal::add);
                }
            }
            String decision = r.get("decision", String.class);
            if (CountryFacts.ENDORSED.equals(decision)) {
                endorsed++;
            } else if (CountryFacts.DECLINED.equals(decision)) {
                declined++;
            } else {
                undecided++;
            }
        }
        for (Tuple m : rows("""
                select m.request_id, m.currency, sum(m.amount) as amount
                from money_facts m join request_facts r on r.request_id = m.request_id
                where r.country = ?1 and m.kind in ('EXPENDITURE', 'DISBURSED')
                group by m.request_id, m.currency""", country)) {
            Sums row = rowOfRequest.getOrDefault(m.get("request_id", UUID.class), none);
            row.delivered.merge(m.get("currency", String.class), m.get("amount", BigDecimal.class), BigDecimal::add);
        }
        List<PriorityRow> rows = new ArrayList<>();
        priorities.forEach((id, p) -> rows.add(row(
                id,
                p.get("rank", Integer.class),
                p.get("title", String.class),
                p.get("thematic_area", String.class),
                p.get("strategy_reference", String.class),
                date(p.get("period_from")),
                date(p.get("period_to")),
                byPriority.get(id))));
        TreeSet<String> currencies = new TreeSet<>();
        for (Sums s : concat(byPriority.values(), none)) {
            currencies.addAll(s.approved.keySet());
            currencies.addAll(s.delivered.keySet());
        }
        List<CurrencyRow> perCurrency = new ArrayList<>();
        for (String currency : currencies) {
            BigDecimal forPriorities = byPriority.values().stream()
                    .map(s -> s.approved.getOrDefault(currency, BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal approved = forPriorities.add(none.approved.getOrDefault(currency, BigDecimal.ZERO));
            BigDecimal delivered = concat(byPriority.values(), none).stream()
                    .map(s -> s.delivered.getOrDefault(currency, BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            perCurrency.add(new CurrencyRow(
                    currency,
                    money(approved),
                    money(forPriorities),
                    money(delivered),
                    approved.signum() == 0 ? null : forPriorities.divide(approved, 4, RoundingMode.HALF_UP)));
        }
        return new CountryReport(
                country,
                rows.size() <= MAX_PRIORITIES ? rows : rows.subList(0, MAX_PRIORITIES),
                row(null, null, null, null, null, null, null, none),
                perCurrency,
                new Endorsements(endorsed, declined, undecided));
    }

    private static List<Sums> concat(java.util.Collection<Sums> rows, Sums none) {
        List<Sums> all = new ArrayList<>(rows);
        all.add(none);
        return all;
    }

    private static PriorityRow row(
            UUID id,
            Integer rank,
            String title,
            String area,
            String reference,
            LocalDate from,
            LocalDate to,
            Sums sums) {
        return new PriorityRow(
                id,
                rank,
                title,
                area,
                reference,
                from,
                to,
                sums.requests,
                sums.approvedRequests,
                amounts(sums.approved),
                amounts(sums.delivered));
    }

    private static List<Amount> amounts(Map<String, BigDecimal> perCurrency) {
        List<Amount> amounts = new ArrayList<>();
        perCurrency.forEach((currency, amount) -> amounts.add(new Amount(currency, money(amount))));
        return amounts;
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        } else if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> rows(String sql, String country) {
        Query query = entityManager.createNativeQuery(sql, Tuple.class);
        query.setParameter(1, country);
        return query.getResultList();
    }
}
