package org.assistance.reportingservice.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.assistance.reportingservice.results.ProgrammeResults.IndicatorTarget;
import org.assistance.reportingservice.results.ProgrammeResults.Period;
import org.assistance.reportingservice.results.ProgrammeResults.Progress;

/**
 * The periods of an indicator, from what the platform counted (computed indicators, per calendar
 * year) or what was entered (the others, per period as recorded): programme-wide, or for one
 * State when {@code country} is given. The rules of ResultEvents.Computation, applied to facts.
 */
public final class IndicatorPeriods {
    /** The sex values as IATI's dimension and the answers name them. */
    public static final List<String> SEXES = List.of("female", "male", "other", "not-disclosed");

    private IndicatorPeriods() {}

    /**
     * Something the platform counted in a calendar year, in a recipient country (null: unknown), of
     * one sex (null: everyone): {@code count} of {@code of} for a share (on-time deliveries of those
     * that named a date), {@code of} null for a plain count.
     */
    public record Counted(int year, String country, String sex, long count, Long of) {}

    /** A measurement entered for an indicator, as recorded. */
    public record Entered(
            LocalDate periodStart,
            LocalDate periodEnd,
            BigDecimal value,
            String country,
            String sex,
            String source,
            OffsetDateTime recordedAt) {}

    /** The sex as answers name it: FEMALE → female, NOT_DISCLOSED → not-disclosed. */
    public static String sex(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Computed periods: one per calendar year counted, plus the target's year. A count adds up;
     * a share is 100 * count / of over the period (2 decimals, half-even), none when nothing
     * named a date.
     */
    public static List<Period> computed(List<Counted> facts, String country, IndicatorTarget target) {
        TreeMap<Integer, List<Counted>> byYear = new TreeMap<>();
        for (Counted fact : facts) {
            if (country == null || country.equals(fact.country())) {
                byYear.computeIfAbsent(fact.year(), y -> new ArrayList<>()).add(fact);
            }
        }
        if (target != null) {
            byYear.computeIfAbsent(target.year(), y -> new ArrayList<>());
        }
        List<Period> periods = new ArrayList<>();
        byYear.forEach((year, counted) -> {
            Map<String, List<Counted>> perCountry = new TreeMap<>();
            Map<String, List<Counted>> perSex = new LinkedHashMap<>();
            SEXES.forEach(s -> perSex.put(s, new ArrayList<>()));
            List<Counted> everyone = new ArrayList<>();
            for (Counted fact : counted) {
                if (fact.sex() == null) {
                    everyone.add(fact);
                    if (country == null && fact.country() != null) {
                        perCountry
                                .computeIfAbsent(fact.country(), c -> new ArrayList<>())
                                .add(fact);
                    }
                } else {
                    perSex.get(fact.sex()).add(fact);
                }
            }
            Map<String, BigDecimal> byCountry = new TreeMap<>();
            perCountry.forEach((c, f) -> put(byCountry, c, value(f)));
            Map<String, BigDecimal> bySex = new LinkedHashMap<>();
            perSex.forEach((s, f) -> put(bySex, s, value(f)));
            periods.add(new Period(
                    LocalDate.of(year, 1, 1),
                    LocalDate.of(year, 12, 31),
                    targetOf(target, year),
                    value(everyone),
                    country == null ? byCountry : null,
                    bySex,
                    List.of()));
        });
        return periods;
    }

    /**
     * Entered periods, as recorded: a measurement with neither country nor sex is the period's
     * programme-wide actual, one with a country only that country's, one with a sex only that
     * sex's (in a State's results: its measurements, those with a sex by sex). The latest
     * recorded of each counts; the target goes with the target's calendar year.
     */
    public static List<Period> entered(List<Entered> measurements, String country, IndicatorTarget target) {
        record Key(LocalDate start, LocalDate end) {}
        Map<Key, List<Entered>> byPeriod =
                new TreeMap<>(java.util.Comparator.comparing(Key::start).thenComparing(Key::end));
        for (Entered m : measurements) {
            if (country == null || country.equals(m.country())) {
                byPeriod.computeIfAbsent(new Key(m.periodStart(), m.periodEnd()), k -> new ArrayList<>())
                        .add(m);
            }
        }
        if (target != null) {
            byPeriod.computeIfAbsent(
                    new Key(LocalDate.of(target.year(), 1, 1), LocalDate.of(target.year(), 12, 31)),
                    k -> new ArrayList<>());
        }
        List<Period> periods = new ArrayList<>();
        byPeriod.forEach((key, entered) -> {
            Map<String, Entered> latest = new LinkedHashMap<>();
            TreeSet<String> sources = new TreeSet<>();
            for (Entered m : entered) {
                String slot;
                if (country != null) {
                    slot = m.sex() == null ? "" : "sex:" + sex(m.sex());
                } else if (m.country() == null && m.sex() == null) {
                    slot = "";
                } else if (m.sex() == null) {
                    slot = "country:" + m.country();
                } else if (m.country() == null) {
                    slot = "sex:" + sex(m.sex());
                } else {
                    continue; // a country's figure by sex: in that State's results
                }
                latest.merge(slot, m, (kept, given) -> given.recordedAt().isBefore(kept.recordedAt()) ? kept : given);
                if (m.source() != null && !m.source().isBlank()) {
                    sources.add(m.source());
                }
            }
            Map<String, BigDecimal> byCountry = new TreeMap<>();
            Map<String, BigDecimal> bySex = new LinkedHashMap<>();
            for (String s : SEXES) {
                Entered m = latest.get("sex:" + s);
                if (m != null) {
                    bySex.put(s, m.value());
                }
            }
            latest.forEach((slot, m) -> {
                if (slot.startsWith("country:")) {
                    byCountry.put(slot.substring("country:".length()), m.value());
                }
            });
            Entered whole = latest.get("");
            boolean targetYear = target != null
                    && key.start().equals(LocalDate.of(target.year(), 1, 1))
                    && key.end().equals(LocalDate.of(target.year(), 12, 31));
            periods.add(new Period(
                    key.start(),
                    key.end(),
                    targetYear ? target.value() : null,
                    whole == null ? null : whole.value(),
                    country == null ? byCountry : null,
                    bySex,
                    List.copyOf(sources)));
        });
        return periods;
    }

    /** The latest period with an actual against the target, when both exist (and the target is not 0). */
    public static Progress progress(List<Period> periods, IndicatorTarget target) {
        if (target == null || target.value() == null || target.value().signum() == 0) {
            return null;
        }
        for (int i = periods.size() - 1; i >= 0; i--) {
            Period p = periods.get(i);
            if (p.actual() != null) {
                return new Progress(
                        p.periodStart(),
                        p.periodEnd(),
                        p.actual(),
                        target.value(),
                        p.actual().multiply(BigDecimal.valueOf(100)).divide(target.value(), 2, RoundingMode.HALF_EVEN));
            }
        }
        return null;
    }

    private static BigDecimal targetOf(IndicatorTarget target, int year) {
        return target != null && target.year() == year ? target.value() : null;
    }

    /** A count's sum, or a share's percentage (none when nothing counted, or nothing named a date). */
    static BigDecimal value(List<Counted> facts) {
        if (facts.isEmpty()) {
            return null;
        }
        long count = 0;
        long of = 0;
        boolean share = false;
        for (Counted fact : facts) {
            count += fact.count();
            if (fact.of() != null) {
                share = true;
                of += fact.of();
            }
        }
        if (!share) {
            return BigDecimal.valueOf(count);
        }
        return of == 0
                ? null
                : BigDecimal.valueOf(count)
                        .multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(of), 2, RoundingMode.HALF_EVEN);
    }

    private static void put(Map<String, BigDecimal> values, String key, BigDecimal value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
