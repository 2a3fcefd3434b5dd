package org.assistance.reportingservice.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.assistance.chassis.texts.Texts;
import org.assistance.reportingservice.readmodels.ReadModelTables;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the dashboard's filters offer: the countries, thematic areas, programmes and donors the
 * read models hold, each with its name in the reader's language where one is known, sorted as
 * that language sorts. A reader picks from these; nothing is typed.
 */
@ApplicationScoped
public class DashboardChoices {
    public static final int MAX_COUNTRIES = Dashboard.MAX_COUNTRIES;
    public static final int MAX_THEMATIC_AREAS = 200;
    public static final int MAX_PROGRAMMES = Dashboard.MAX_PROGRAMMES;
    public static final int MAX_DONORS = 1000;

    /** The filters' choices. */
    @Schema(name = "DashboardChoices", description = "What the dashboard's filters can be set to")
    public record Choices(
            @Schema(description = "Countries present in the read models", maxItems = MAX_COUNTRIES)
            List<Choice> countries,

            @Schema(description = "Thematic areas of the requests", maxItems = MAX_THEMATIC_AREAS)
            List<Choice> thematicAreas,

            @Schema(description = "Programmes of requests, funds and results", maxItems = MAX_PROGRAMMES)
            List<Choice> programmes,

            @Schema(description = "Donors named by pledges or funding", maxItems = MAX_DONORS)
            List<Choice> donors) {}

    /** One choice: the value the filter takes, and what a reader sees. */
    @Schema(name = "DashboardChoice")
    public record Choice(
            @Schema(
                    description = "The filter's value (ISO 3166-1 alpha-2 code, area, programme code, donor id)",
                    maxLength = 100)
            String code,

            @Schema(
                    description = "Its name in the caller's language (the code itself when none is known)",
                    maxLength = 200)
            String name) {}

    private final EntityManager entityManager;
    private final ReadModelTables tables;

    public DashboardChoices(EntityManager entityManager, ReadModelTables tables) {
        this.entityManager = entityManager;
        this.tables = tables;
    }

    /** One transaction, so a rebuild's switch-over waits for it (as for the KPIs). */
    @Transactional
    public Choices in(Locale language) {
        tables.guardReading();
        Comparator<Choice> byName = Comparator.comparing(Choice::name, Collator.getInstance(language))
                .thenComparing(Choice::code);
        List<Choice> countries = codes("""
                        select distinct upper(c) from (
                            select country as c from request_facts union select country from national_priorities
                            union select country from end_use_units) x
                        where c ~ '^[A-Za-z]{2}$' order by 1 limit %d""", MAX_COUNTRIES).stream()
                .map(code -> new Choice(code, country(code, language)))
                .sorted(byName)
                .toList();
        List<Choice> areas = codes(
                        "select distinct thematic_area from request_facts where thematic_area is not null"
                                + " order by 1 limit %d",
                        MAX_THEMATIC_AREAS)
                .stream()
                .map(code -> new Choice(code, Texts.name(language, "thematic-area", code)))
                .sorted(byName)
                .toList();
        List<Choice> programmes = codes("""
                        select distinct p from (
                            select programme_code as p from request_facts union select programme_code from money_facts
                            union select programme_code from pledge_facts
                            union select programme_code from indicator_definitions) x
                        where p is not null order by 1 limit %d""", MAX_PROGRAMMES).stream()
                .map(code -> new Choice(code, code))
                .toList();
        @SuppressWarnings("unchecked")
        List<Object[]> donorRows =
                entityManager.createNativeQuery("""
                        select d.id, coalesce(max(n.name), d.id) from (
                            select donor_id as id from donor_directory union select donor_id from pledge_facts
                            union select donor_id from money_parts) d
                        left join donor_directory n on n.donor_id = d.id
                        where d.id is not null group by d.id order by d.id limit %d""".formatted(MAX_DONORS)).getResultList();
        List<Choice> donors = donorRows.stream()
                .map(row -> new Choice((String) row[0], (String) row[1]))
                .sorted(byName)
                .toList();
        return new Choices(countries, areas, programmes, donors);
    }

    /** A country's name in the language; a code no one has assigned (a test's QE) reads as itself. */
    static String country(String code, Locale language) {
        String name = Locale.of("", code).getDisplayCountry(language);
        return name == null || name.isBlank() ? code : name;
    }

    @SuppressWarnings("unchecked")
    private List<String> codes(String sql, int limit) {
        return ((List<Object>)
                        entityManager.createNativeQuery(sql.formatted(limit)).getResultList())
                .stream().map(String::valueOf).map(String::trim).toList();
    }
}
