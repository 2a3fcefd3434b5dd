package org.assistance.reportingservice.feeds;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** How the platform's facts map onto IATI 2.03 codelists. */
final class IatiMapping {
    /** A DAC 5-digit sector and its share of the activity. */
    record Sector(String code, int percentage) {}

    /** DAC sectors per thematic area; each list's percentages sum to 100. */
    private static final Map<String, List<Sector>> SECTORS = Map.ofEntries(
            Map.entry("CORRUPTION", List.of(new Sector("15113", 100))),
            Map.entry("MONEY_LAUNDERING", List.of(new Sector("15113", 50), new Sector("15130", 50))),
            Map.entry("DRUG_TRAFFICKING", List.of(new Sector("16063", 100))),
            Map.entry("CYBERCRIME", List.of(new Sector("15132", 60), new Sector("15130", 40))),
            Map.entry("ORGANIZED_CRIME", List.of(new Sector("15132", 50), new Sector("15130", 50))),
            Map.entry("OBSTRUCTION_OF_JUSTICE", List.of(new Sector("15130", 100))),
            Map.entry("TERRORISM", List.of(new Sector("15210", 100))),
            Map.entry("FIREARMS_TRAFFICKING", List.of(new Sector("15210", 100))),
            Map.entry("PIRACY_MARITIME_CRIME", List.of(new Sector("15210", 50), new Sector("15132", 50))),
            Map.entry("TRAFFICKING_IN_PERSONS", List.of(new Sector("15132", 50), new Sector("15130", 50))),
            Map.entry("SMUGGLING_OF_MIGRANTS", List.of(new Sector("15132", 50), new Sector("15130", 50))),
            Map.entry("FALSIFIED_MEDICAL_PRODUCTS", List.of(new Sector("16063", 50), new Sector("15130", 50))),
            Map.entry("COUNTERFEITING", List.of(new Sector("15130", 100))),
            Map.entry("CULTURAL_PROPERTY_TRAFFICKING", List.of(new Sector("15130", 100))),
            Map.entry("WILDLIFE_FOREST_CRIME", List.of(new Sector("15132", 50), new Sector("15130", 50))));

    private IatiMapping() {}

    static List<Sector> sectors(String thematicArea) {
        return SECTORS.getOrDefault(thematicArea, List.of(new Sector("15130", 100)));
    }

    /**
     * IATI ActivityStatus: 2 implementation once approved, 3 finalisation once delivered (any kind
     * of assistance), 4 closed once the partner closed it (or confirmed receipt), 5 cancelled.
     */
    static String activityStatus(String stage) {
        return switch (stage) {
            case "CLOSED", "RECEIVED" -> "4";
            case "DELIVERED" -> "3";
            case "CANCELLED", "WITHDRAWN", "REJECTED" -> "5";
            default -> "2";
        };
    }

    /** IATI budgets cover at most a year: the budget ends by the desired date or a year after it starts. */
    static LocalDate budgetEnd(LocalDate start, LocalDate desiredBy) {
        LocalDate yearEnd = start.plusYears(1).minusDays(1);
        if (desiredBy == null || desiredBy.isBefore(start) || desiredBy.isAfter(yearEnd)) {
            return yearEnd;
        }
        return desiredBy;
    }

    /** The activity's IATI identifier: reporting organisation, programme and request id. */
    static String identifier(FeedSettings settings, FeedActivity activity) {
        return settings.reportingOrgRef() + "-" + identifierPart(activity.programme()) + "-" + activity.requestId();
    }

    /** A programme's activity identifier (hierarchy 1): reporting organisation and programme code. */
    static String programmeIdentifier(FeedSettings settings, String programme) {
        return settings.reportingOrgRef() + "-" + identifierPart(programme);
    }

    /** The values of the "sex" dimension, in the order participants are counted: women, men, other, not disclosed. */
    static final List<String> SEXES = org.assistance.reportingservice.results.IndicatorPeriods.SEXES;

    /** IATI identifiers may not contain / & | ? (nor spaces). */
    private static String identifierPart(String value) {
        return value == null ? "NONE" : value.replaceAll("[/&|?\\s]", "-");
    }
}
