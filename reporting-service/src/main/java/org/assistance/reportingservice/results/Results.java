package org.assistance.reportingservice.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.assistance.chassis.events.ResultEvents.Computation;
import org.assistance.reportingservice.readmodels.ReadModelTables;
import org.assistance.reportingservice.results.IndicatorPeriods.Counted;
import org.assistance.reportingservice.results.IndicatorPeriods.Entered;
import org.assistance.reportingservice.results.ProgrammeResults.CountryProgramme;
import org.assistance.reportingservice.results.ProgrammeResults.CountryResults;
import org.assistance.reportingservice.results.ProgrammeResults.IndicatorResult;
import org.assistance.reportingservice.results.ProgrammeResults.IndicatorTarget;
import org.assistance.reportingservice.results.ProgrammeResults.Period;

/**
 * Programmes' results from the read models only (never another service): the indicators
 * program-service defined, the measurements entered, and what the platform computes itself from
 * the events (ResultEvents.Computation): participants of delivered activities by the year of
 * delivery, equipment units accepted at receipt by the year of the receipt, and the share of
 * requests delivered by the date they named, by the year of delivery. A request belongs to the
 * programme its approval (or, lacking one, its commitment) names; its country is the recipient.
 */
@ApplicationScoped
public class Results {
    public static final int MAX_INDICATORS = 500;
    public static final int MAX_PERIODS = 1000;
    public static final int MAX_PROGRAMMES = 1000;

    /** The programme a request belongs to: its approval's, else its commitment's. */
    static final String PROGRAMME_OF_REQUEST = "coalesce(r.programme_code, (select m.programme_code from money_facts m"
            + " where m.request_id = r.request_id and m.kind = 'COMMITTED' and m.programme_code is not null"
            + " order by m.occurred_at, m.event_id limit 1))";

    private static final String YEAR = "cast(extract(year from (%s) at time zone 'UTC') as int)";

    private final EntityManager entityManager;
    private final ReadModelTables tables;

    public Results(EntityManager entityManager, ReadModelTables tables) {
        this.entityManager = entityManager;
        this.tables = tables;
    }

    /** An indicator as defined (the latest definition). */
    record Definition(
            UUID indicatorId,
            String programme,
            String title,
            String kind,
            String unit,
            IndicatorTarget baseline,
            IndicatorTarget target,
            String sdgTarget,
            String computation) {}

    /** Whether reporting knows the programme at all: an indicator, a request or a pledge of it. */
    @Transactional
    public boolean known(String programme) {
        tables.guardReading();
        return !rows(
                        "select 1 from indicator_definitions where programme_code = ?1 union all "
                                + "select 1 from request_facts r where r.programme_code = ?1 union all "
                                + "select 1 from money_facts where programme_code = ?1 union all "
                                + "select 1 from pledge_facts where programme_code = ?1 limit 1",
                        programme)
                .isEmpty();
    }

    /**
     * Whether the donor funds the programme, as the donor feeds decide funding: a request of the
     * programme names the donor (its approval's donors, or a commitment's split), or the donor
     * pledged to the programme.
     */
    @Transactional
    public boolean funds(String donor, String programme) {
        return programmesFundedBy(donor).contains(programme);
    }

    /** The programmes the donor funds (every programme known when {@code donor} is null), by code. */
    @Transactional
    public List<String> programmesFundedBy(String donor) {
        tables.guardReading();
        String sql = donor == null
                ? "select programme_code from indicator_definitions union select " + PROGRAMME_OF_REQUEST
                        + " from request_facts r where r.approved_at is not null union select programme_code"
                        + " from pledge_facts"
                : "select " + PROGRAMME_OF_REQUEST + " from request_facts r where r.donors @> jsonb_build_array("
                        + "cast(?1 as text)) union select programme_code from pledge_facts where donor_id = ?1";
        TreeSet<String> codes = new TreeSet<>();
        for (Tuple row : rows(sql, donor)) {
            String code = row.get(0, String.class);
            if (code != null) {
                codes.add(code);
            }
        }
        return List.copyOf(codes);
    }

    /** A donor as the events named it. */
    public record Donor(String id, String name, String iatiIdentifier) {}

    /** The donors of a programme, named on its requests or pledging to it, with their names as the events told. */
    @Transactional
    public List<Donor> donorsOf(String programme) {
        tables.guardReading();
        List<Donor> donors = new ArrayList<>();
        for (Tuple row : rows(
                "select f.id, d.name, d.iati_identifier from (select e.id from request_facts r,"
                        + " jsonb_array_elements_text(r.donors) e(id) where " + PROGRAMME_OF_REQUEST + " = ?1"
                        + " union select donor_id from pledge_facts where programme_code = ?1) f"
                        + " left join donor_directory d on d.donor_id = f.id order by f.id",
                programme)) {
            donors.add(new Donor(row.get(0, String.class), row.get(1, String.class), row.get(2, String.class)));
        }
        return donors;
    }

    /** A programme's indicators with their periods, programme-wide, and its participants. */
    @Transactional
    public ProgrammeResults ofProgramme(String programme) {
        tables.guardReading();
        List<IndicatorResult> indicators = new ArrayList<>();
        for (Definition d : definitions(programme)) {
            indicators.add(result(d, null));
        }
        return new ProgrammeResults(programme, indicators, participants(programme, null));
    }

    /** A State's results: per programme with indicators or requests there, its actuals and participants. */
    @Transactional
    public CountryResults ofCountry(String country) {
        tables.guardReading();
        TreeSet<String> programmes = new TreeSet<>();
        for (Tuple row : rows(
                "select programme_code from indicator_definitions union select " + PROGRAMME_OF_REQUEST
                        + " from request_facts r where r.country = ?1",
                country)) {
            if (row.get(0, String.class) != null) {
                programmes.add(row.get(0, String.class));
            }
        }
        List<CountryProgramme> answer = new ArrayList<>();
        for (String programme : programmes) {
            if (answer.size() >= MAX_PROGRAMMES) {
                break;
            }
            List<IndicatorResult> indicators = new ArrayList<>();
            for (Definition d : definitions(programme)) {
                indicators.add(result(d, country));
            }
            answer.add(new CountryProgramme(programme, participants(programme, country), indicators));
        }
        return new CountryResults(country, participants(null, country), answer);
    }

    private IndicatorResult result(Definition d, String country) {
        List<Period> periods;
        Computation computation = computation(d.computation());
        if (computation != null) {
            periods = IndicatorPeriods.computed(counted(computation, d.programme()), country, d.target());
        } else {
            periods = IndicatorPeriods.entered(entered(d.indicatorId()), country, d.target());
        }
        if (periods.size() > MAX_PERIODS) {
            periods = periods.subList(periods.size() - MAX_PERIODS, periods.size());
        }
        return new IndicatorResult(
                d.indicatorId(),
                d.title(),
                d.kind(),
                d.unit(),
                d.baseline(),
                d.target(),
                d.sdgTarget(),
                computation == null ? null : computation.name(),
                periods,
                IndicatorPeriods.progress(periods, d.target()));
    }

    private static Computation computation(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Computation.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null; // a computation this reporting does not know: its measurements, if any, as entered
        }
    }

    List<Definition> definitions(String programme) {
        List<Definition> definitions = new ArrayList<>();
        for (Tuple row : rows(
                "select indicator_id, programme_code, title, kind, unit, baseline_value, baseline_year, target_value,"
                        + " target_year, sdg_target, computation from indicator_definitions where programme_code = ?1"
                        + " order by defined_at, indicator_id limit " + MAX_INDICATORS,
                programme)) {
            definitions.add(new Definition(
                    row.get("indicator_id", UUID.class),
                    row.get("programme_code", String.class),
                    row.get("title", String.class),
                    row.get("kind", String.class),
                    row.get("unit", String.class),
                    target(row, "baseline_value", "baseline_year"),
                    target(row, "target_value", "target_year"),
                    row.get("sdg_target", String.class),
                    row.get("computation", String.class)));
        }
        return definitions;
    }

    private static IndicatorTarget target(Tuple row, String value, String year) {
        Number y = (Number) row.get(year);
        return y == null ? null : new IndicatorTarget((BigDecimal) row.get(value), y.intValue());
    }

    /** What the platform counted for a computation, per year, country and (participants) sex. */
    List<Counted> counted(Computation computation, String programme) {
        List<Counted> facts = new ArrayList<>();
        switch (computation) {
            case PARTICIPANTS_TRAINED -> {
                for (Tuple row : rows(
                        "select " + YEAR.formatted("a.delivered_at") + " as year,"
                                + " coalesce(r.country, o.country) as country,"
                                + " sum(coalesce(o.women, a.women)) as female, sum(coalesce(o.men, a.men)) as male,"
                                + " sum(coalesce(o.other, a.other)) as other,"
                                + " sum(coalesce(o.not_disclosed, a.not_disclosed)) as not_disclosed,"
                                + " sum(coalesce(o.total, a.total)) as total"
                                + " from activity_participants a join request_facts r on r.request_id = a.request_id"
                                + " left join activity_rosters o on o.activity_id = a.activity_id"
                                + " where coalesce(a.programme_code, " + PROGRAMME_OF_REQUEST + ") = ?1 group by 1, 2",
                        programme)) {
                    int year = ((Number) row.get("year")).intValue();
                    String country = trim(row.get("country", String.class));
                    facts.add(new Counted(year, country, null, number(row, "total"), null));
                    facts.add(new Counted(year, country, "female", number(row, "female"), null));
                    facts.add(new Counted(year, country, "male", number(row, "male"), null));
                    facts.add(new Counted(year, country, "other", number(row, "other"), null));
                    facts.add(new Counted(year, country, "not-disclosed", number(row, "not_disclosed"), null));
                }
            }
            case EQUIPMENT_ACCEPTED -> {
                for (Tuple row : rows(
                        "select " + YEAR.formatted("f.received_at") + " as year, r.country,"
                                + " sum(f.accepted) as accepted from receipt_facts f"
                                + " join request_facts r on r.request_id = f.request_id"
                                + " where " + PROGRAMME_OF_REQUEST + " = ?1 group by 1, 2",
                        programme)) {
                    facts.add(new Counted(
                            ((Number) row.get("year")).intValue(),
                            trim(row.get("country", String.class)),
                            null,
                            number(row, "accepted"),
                            null));
                }
            }
            case REQUESTS_DELIVERED_ON_TIME -> {
                for (Tuple row : rows(
                        "select " + YEAR.formatted("r.delivered_at") + " as year, r.country,"
                                + " count(*) filter (where cast(r.delivered_at at time zone 'UTC' as date) <= r.desired_by)"
                                + " as on_time, count(*) as named from request_facts r"
                                + " where r.delivered_at is not null and r.desired_by is not null"
                                + " and " + PROGRAMME_OF_REQUEST + " = ?1 group by 1, 2",
                        programme)) {
                    facts.add(new Counted(
                            ((Number) row.get("year")).intValue(),
                            trim(row.get("country", String.class)),
                            null,
                            number(row, "on_time"),
                            number(row, "named")));
                }
            }
        }
        return facts;
    }

    List<Entered> entered(UUID indicator) {
        List<Entered> entered = new ArrayList<>();
        Query query = entityManager.createNativeQuery(
                "select period_start, period_end, value, country, sex, source, recorded_at"
                        + " from indicator_measurements where indicator_id = ?1 order by period_start, recorded_at",
                Tuple.class);
        query.setParameter(1, indicator);
        for (Object o : query.getResultList()) {
            Tuple row = (Tuple) o;
            entered.add(new Entered(
                    date(row.get("period_start")),
                    date(row.get("period_end")),
                    (BigDecimal) row.get("value"),
                    trim(row.get("country", String.class)),
                    row.get("sex", String.class),
                    row.get("source", String.class),
                    time(row.get("recorded_at"))));
        }
        return entered;
    }

    /** Participants of the requests of a programme and/or a country (either null: every one). */
    ParticipantAggregates participants(String programme, String country) {
        Query query = entityManager.createNativeQuery(
                "select " + ParticipantAggregates.SUMS + " from request_facts r where "
                        + (programme == null ? "?1 = ''" : PROGRAMME_OF_REQUEST + " = ?1") + " and "
                        + (country == null ? "?2 = ''" : "r.country = ?2"),
                Tuple.class);
        query.setParameter(1, programme == null ? "" : programme);
        query.setParameter(2, country == null ? "" : country);
        Tuple row = (Tuple) query.getSingleResult();
        return ParticipantAggregates.of(
                number(row, "p_women"),
                number(row, "p_men"),
                number(row, "p_other"),
                number(row, "p_not_disclosed"),
                number(row, "p_total"),
                number(row, "p_rostered"),
                number(row, "p_completed"),
                number(row, "p_certified"),
                (BigDecimal) row.get("p_gain_weighted"),
                number(row, "p_gain_participants"));
    }

    private static long number(Tuple row, String column) {
        Number value = (Number) row.get(column);
        return value == null ? 0 : value.longValue();
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        } else if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return null;
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        } else if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        } else if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.MIN;
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> rows(String sql, String parameter) {
        Query query = entityManager.createNativeQuery(sql, Tuple.class);
        if (sql.contains("?1")) {
            query.setParameter(1, parameter);
        }
        return query.getResultList();
    }

    /** Kept for the IATI programme feed: a programme's earliest fact (approval, definition or pledge). */
    @Transactional
    public LocalDate startOf(String programme) {
        tables.guardReading();
        List<Tuple> found = rows(
                "select least((select min(r.approved_at)::date from request_facts r where " + PROGRAMME_OF_REQUEST
                        + " = ?1), (select min(defined_at)::date from indicator_definitions where programme_code = ?1),"
                        + " (select min(pledged_on) from pledge_facts where programme_code = ?1)) as started",
                programme);
        LocalDate started = found.isEmpty() ? null : date(found.get(0).get("started"));
        return started == null ? LocalDate.now() : started;
    }
}
