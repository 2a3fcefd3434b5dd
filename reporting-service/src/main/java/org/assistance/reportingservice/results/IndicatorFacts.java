package org.assistance.reportingservice.results;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.ResultEvents.IndicatorDefined;
import org.assistance.chassis.events.ResultEvents.IndicatorMeasured;
import org.assistance.reportingservice.readmodels.ManyRows;

/**
 * A programme's results framework as program-service published it: its indicators (a later
 * definition of one replaces the earlier) and the measurements entered for those the platform
 * does not compute (a measurement told again replaces itself), each kept by time so the order
 * events arrive in does not matter.
 */
public final class IndicatorFacts {
    private IndicatorFacts() {}

    /** Writes what {@code events} tell of indicators and their measurements, each table in one statement. */
    public static void write(Connection connection, List<CloudEvent<AssistanceEvent>> events) throws SQLException {
        Map<UUID, Object[]> definitions = new LinkedHashMap<>();
        Map<UUID, Object[]> measurements = new LinkedHashMap<>();
        for (CloudEvent<AssistanceEvent> event : events) {
            AssistanceEvent data = event.data();
            if (data instanceof IndicatorDefined e && e.indicatorId() != null && e.programmeCode() != null) {
                later(definitions, e.indicatorId(), new Object[] {
                    e.indicatorId(),
                    e.programmeCode(),
                    e.title() == null ? "" : e.title(),
                    e.kind() == null ? "OUTPUT" : e.kind(),
                    e.unit() == null ? "" : e.unit(),
                    e.baseline() == null ? null : e.baseline().value(),
                    e.baseline() == null ? null : e.baseline().year(),
                    e.target() == null ? null : e.target().value(),
                    e.target() == null ? null : e.target().year(),
                    e.sdgTarget(),
                    e.computation(),
                    e.definedBy(),
                    at(e.definedAt(), event)
                });
            } else if (data instanceof IndicatorMeasured e
                    && e.measurementId() != null
                    && e.indicatorId() != null
                    && e.programmeCode() != null
                    && e.periodStart() != null
                    && e.periodEnd() != null
                    && e.value() != null) {
                later(measurements, e.measurementId(), new Object[] {
                    e.measurementId(),
                    e.indicatorId(),
                    e.programmeCode(),
                    e.periodStart(),
                    e.periodEnd(),
                    e.value(),
                    e.country() == null ? null : e.country().toUpperCase(Locale.ROOT),
                    e.sex(),
                    e.source(),
                    e.note(),
                    e.recordedBy(),
                    at(e.recordedAt(), event)
                });
            }
        }
        ManyRows indicators = ManyRows.of(
                "indicator_definitions",
                "indicator_id uuid",
                "programme_code",
                "title",
                "kind",
                "unit",
                "baseline_value numeric",
                "baseline_year int",
                "target_value numeric",
                "target_year int",
                "sdg_target",
                "computation",
                "defined_by",
                "defined_at timestamptz");
        definitions.values().forEach(indicators::add);
        indicators.upsertUnlessLater(connection, "indicator_id", "defined_at");
        ManyRows measured = ManyRows.of(
                "indicator_measurements",
                "measurement_id uuid",
                "indicator_id uuid",
                "programme_code",
                "period_start date",
                "period_end date",
                "value numeric",
                "country",
                "sex",
                "source",
                "note",
                "recorded_by",
                "recorded_at timestamptz");
        measurements.values().forEach(measured::add);
        measured.upsertUnlessLater(connection, "measurement_id", "recorded_at");
    }

    /** Keeps the later row of a key by its time (its last value). */
    private static void later(Map<UUID, Object[]> rows, UUID key, Object[] row) {
        rows.merge(
                key,
                row,
                (kept, given) ->
                        ((OffsetDateTime) given[given.length - 1]).isBefore((OffsetDateTime) kept[kept.length - 1])
                                ? kept
                                : given);
    }

    private static OffsetDateTime at(OffsetDateTime told, CloudEvent<AssistanceEvent> event) {
        return told != null ? told : event.time() != null ? event.time() : OffsetDateTime.now();
    }
}
