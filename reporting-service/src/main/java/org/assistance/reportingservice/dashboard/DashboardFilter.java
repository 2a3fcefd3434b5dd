package org.assistance.reportingservice.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a dashboard reader narrows the KPIs to: requests submitted in a period, of a country, area, programme or donor. */
public record DashboardFilter(
        LocalDate from,
        LocalDate to,
        @Schema(maxLength = 2) String country,
        @Schema(maxLength = 40) String thematicArea,
        @Schema(maxLength = 20) String programme,
        @Schema(maxLength = 100) String donor) {

    /** The SQL condition on request_facts (alias r) and its parameters, in order. */
    record Where(String sql, List<Object> parameters) {
        /** This condition and one more, whose single parameter is written {@code ?}. */
        Where and(String condition, Object value) {
            List<Object> more = new ArrayList<>(parameters);
            more.add(value);
            return new Where(sql + " and " + condition.replace("?", "?" + more.size()), more);
        }
    }

    /** The condition on pledge_facts (alias p): pledges are programme-wide, so period, programme and donor only. */
    Where pledgeWhere() {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        conditions.add("true");
        if (from != null) {
            conditions.add("p.pledged_on >= cast(?" + (parameters.size() + 1) + " as date)");
            parameters.add(from.toString());
        }
        if (to != null) {
            conditions.add("p.pledged_on <= cast(?" + (parameters.size() + 1) + " as date)");
            parameters.add(to.toString());
        }
        if (programme != null) {
            conditions.add("p.programme_code = ?" + (parameters.size() + 1));
            parameters.add(programme);
        }
        if (donor != null) {
            conditions.add("p.donor_id = ?" + (parameters.size() + 1));
            parameters.add(donor);
        }
        return new Where(String.join(" and ", conditions), parameters);
    }

    Where where() {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        conditions.add("r.submitted_at is not null");
        if (from != null) {
            conditions.add("r.submitted_at >= cast(?" + (parameters.size() + 1) + " as date)");
            parameters.add(from.toString());
        }
        if (to != null) {
            conditions.add("r.submitted_at < cast(?" + (parameters.size() + 1) + " as date) + 1");
            parameters.add(to.toString());
        }
        if (country != null) {
            conditions.add("r.country = ?" + (parameters.size() + 1));
            parameters.add(country);
        }
        if (thematicArea != null) {
            conditions.add("r.thematic_area = ?" + (parameters.size() + 1));
            parameters.add(thematicArea);
        }
        if (programme != null) {
            conditions.add("r.programme_code = ?" + (parameters.size() + 1));
            parameters.add(programme);
        }
        if (donor != null) {
            // built by the database: any text (a backslash, a quote) is a donor id, never broken JSON
            conditions.add("r.donors @> jsonb_build_array(cast(?" + (parameters.size() + 1) + " as text))");
            parameters.add(donor);
        }
        return new Where(String.join(" and ", conditions), parameters);
    }
}
