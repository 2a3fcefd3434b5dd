package org.assistance.reportingservice.countries;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.CountryEvents.PriorityStated;
import org.assistance.chassis.events.RequestEvents.RequestAmended;
import org.assistance.chassis.events.RequestEvents.RequestEndorsed;
import org.assistance.chassis.events.RequestEvents.RequestEndorsementDeclined;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.reportingservice.readmodels.ManyRows;

/**
 * The State's voice as the country report reads it: the national priorities stated (a later
 * statement of a priority replaces an earlier one), the priority each request names (its latest
 * submission or amendment) and the focal point's latest decision on each request. Each is kept
 * by time, so the order events arrive in does not matter.
 */
public final class CountryFacts {
    static final String ENDORSED = "ENDORSED";
    static final String DECLINED = "DECLINED";

    private CountryFacts() {}

    /** Writes what {@code events} tell of priorities and endorsements, each table in one statement. */
    public static void write(Connection connection, List<CloudEvent<AssistanceEvent>> events) throws SQLException {
        Map<Object, Object[]> priorities = new LinkedHashMap<>();
        Map<Object, Object[]> named = new LinkedHashMap<>();
        Map<Object, Object[]> decisions = new LinkedHashMap<>();
        for (CloudEvent<AssistanceEvent> event : events) {
            AssistanceEvent data = event.data();
            if (data instanceof PriorityStated e) {
                later(priorities, new Object[] {
                    e.priorityId(),
                    e.country(),
                    e.rank(),
                    e.title(),
                    e.thematicArea(),
                    e.assistanceTypes() == null ? List.of() : List.copyOf(new TreeSet<>(e.assistanceTypes())),
                    e.strategyReference(),
                    e.periodFrom(),
                    e.periodTo(),
                    e.statedBy(),
                    at(e.statedAt(), event)
                });
            } else if (data instanceof RequestSubmitted e) {
                later(named, new Object[] {e.requestId(), e.priorityId(), at(e.submittedAt(), event)});
            } else if (data instanceof RequestAmended e) {
                later(named, new Object[] {e.requestId(), e.priorityId(), at(e.amendedAt(), event)});
            } else if (data instanceof RequestEndorsed e) {
                later(decisions, new Object[] {
                    e.requestId(), e.country(), ENDORSED, e.reference(), e.focalPoint(), at(e.endorsedAt(), event)
                });
            } else if (data instanceof RequestEndorsementDeclined e) {
                later(decisions, new Object[] {
                    e.requestId(), e.country(), DECLINED, e.reference(), e.focalPoint(), at(e.declinedAt(), event)
                });
            }
        }
        write(
                connection,
                priorities,
                "priority_id",
                "stated_at",
                ManyRows.of(
                        "national_priorities",
                        "priority_id uuid",
                        "country",
                        "rank int",
                        "title",
                        "thematic_area",
                        "assistance_types jsonb",
                        "strategy_reference",
                        "period_from date",
                        "period_to date",
                        "stated_by",
                        "stated_at timestamptz"));
        write(
                connection,
                named,
                "request_id",
                "named_at",
                ManyRows.of("request_priorities", "request_id uuid", "priority_id uuid", "named_at timestamptz"));
        write(
                connection,
                decisions,
                "request_id",
                "decided_at",
                ManyRows.of(
                        "request_endorsements",
                        "request_id uuid",
                        "country",
                        "decision",
                        "reference",
                        "focal_point",
                        "decided_at timestamptz"));
    }

    /** Keeps the later row of a key (its first value) by its time (its last value). */
    private static void later(Map<Object, Object[]> rows, Object[] row) {
        rows.merge(
                row[0],
                row,
                (kept, given) ->
                        ((OffsetDateTime) given[given.length - 1]).isBefore((OffsetDateTime) kept[kept.length - 1])
                                ? kept
                                : given);
    }

    /** Each row in unless the table holds a later one of its key (a late event never undoes a later fact). */
    private static void write(
            Connection connection, Map<Object, Object[]> rows, String key, String time, ManyRows table)
            throws SQLException {
        rows.values().forEach(table::add);
        table.upsertUnlessLater(connection, key, time);
    }

    private static OffsetDateTime at(OffsetDateTime told, CloudEvent<AssistanceEvent> event) {
        return told != null ? told : event.time() != null ? event.time() : OffsetDateTime.now();
    }
}
