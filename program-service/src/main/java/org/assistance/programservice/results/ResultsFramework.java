package org.assistance.programservice.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.events.ResultEvents.IndicatorDefined;
import org.assistance.chassis.events.ResultEvents.IndicatorMeasured;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.problems.InvalidInput.Field;
import org.assistance.chassis.security.TenantScope;
import org.assistance.chassis.texts.Text;
import org.assistance.programservice.programmes.Dates;
import org.assistance.programservice.programmes.Programme;
import org.assistance.programservice.programmes.Programmes;
import org.assistance.programservice.programmes.RowLocks;

/**
 * A programme's results framework: the indicators it states it will measure, and the values
 * entered for those the platform does not compute. Each definition and measurement is published
 * in its transaction, keyed by the programme.
 */
@ApplicationScoped
public class ResultsFramework {
    /** The largest value (or baseline, or target) an indicator takes. */
    public static final String LARGEST_VALUE = "1000000000000";
    /** The most indicators one programme states (and lists). */
    public static final int MAX_INDICATORS = 100;
    /** The most measurements one indicator holds (and lists). */
    public static final int MAX_MEASUREMENTS = 500;
    /** The longest period a measurement covers, in days (a leap year). */
    static final int LONGEST_PERIOD_DAYS = 366;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Outbox outbox;
    private final Programmes programmes;
    private final RowLocks rowLocks;
    private final AuditTrail audit;

    public ResultsFramework(Outbox outbox, Programmes programmes, RowLocks rowLocks, AuditTrail audit) {
        this.outbox = outbox;
        this.programmes = programmes;
        this.rowLocks = rowLocks;
        this.audit = audit;
    }

    /**
     * Defines an indicator of the programme. A computed one takes its computation's unit (another
     * unit is refused); a percentage's baseline and target are 0 to 100; the target's year is not
     * before the baseline's.
     */
    @Transactional
    public Indicator define(String programmeCode, IndicatorDraft draft, String definedBy) {
        if (Programme.findById(programmeCode) == null) {
            throw Programme.notFound(programmeCode);
        }
        String unit = draft.unit() == null || draft.unit().isBlank()
                ? null
                : draft.unit().strip();
        List<Field> errors = new ArrayList<>();
        if (unit == null && draft.computation() == null) {
            errors.add(new Field("unit", Text.of("indicator.unit-required")));
        }
        String effectiveUnit = unit == null && draft.computation() != null
                ? draft.computation().unit()
                : unit;
        if (Indicator.PERCENT.equals(effectiveUnit)) {
            percentage(
                    "baseline.value",
                    draft.baseline() == null ? null : draft.baseline().value(),
                    errors);
            percentage(
                    "target.value",
                    draft.target() == null ? null : draft.target().value(),
                    errors);
        }
        if (draft.baseline() != null
                && draft.target() != null
                && draft.target().year() < draft.baseline().year()) {
            errors.add(new Field(
                    "target.year",
                    Text.of(
                            "indicator.target-before-baseline",
                            "year",
                            String.valueOf(draft.baseline().year()))));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        if (draft.computation() != null && !draft.computation().unit().equals(effectiveUnit)) {
            throw new DomainRuleViolation(
                    422,
                    "unit-disagrees-with-computation",
                    Text.of(
                            "indicator.unit-disagrees",
                            "computation",
                            draft.computation().name(),
                            "unit",
                            draft.computation().unit(),
                            "given",
                            effectiveUnit));
        }
        if (Indicator.count("programmeCode", programmeCode) >= MAX_INDICATORS) {
            throw DomainRuleViolation.unprocessable(
                    Text.of("indicator.too-many", "max", MAX_INDICATORS, "programme", programmeCode));
        }
        Indicator indicator = new Indicator();
        indicator.id = UUID.randomUUID();
        indicator.programmeCode = programmeCode;
        indicator.title = draft.title().strip();
        indicator.kind = draft.kind();
        indicator.unit = effectiveUnit;
        if (draft.baseline() != null) {
            indicator.baselineValue = draft.baseline().value();
            indicator.baselineYear = draft.baseline().year();
        }
        if (draft.target() != null) {
            indicator.targetValue = draft.target().value();
            indicator.targetYear = draft.target().year();
        }
        indicator.sdgTarget = draft.sdgTarget();
        indicator.computation = draft.computation();
        indicator.definedBy = definedBy;
        indicator.definedAt = OffsetDateTime.now();
        indicator.persist();
        outbox.record(new IndicatorDefined(
                indicator.id,
                programmeCode,
                indicator.title,
                indicator.kind.name(),
                indicator.unit,
                indicator.baseline(),
                indicator.target(),
                indicator.sdgTarget,
                indicator.computation == null ? null : indicator.computation.name(),
                definedBy,
                indicator.definedAt));
        audit.created("indicator", indicator.id, IndicatorView.of(indicator, List.of()));
        return indicator;
    }

    /**
     * Records a value measured for an indicator that is not computed: for a period of at most
     * {@value #LONGEST_PERIOD_DAYS} days that has begun, once per period, country and sex.
     */
    @Transactional
    public Measurement measure(String programmeCode, UUID indicatorId, MeasurementDraft draft, String recordedBy) {
        rowLocks.bounded();
        Indicator indicator = Indicator.findById(indicatorId, LockModeType.PESSIMISTIC_WRITE);
        if (indicator == null || !indicator.programmeCode.equals(programmeCode)) {
            throw DomainRuleViolation.notFound(
                    Text.of("indicator.not-found", "indicator", indicatorId.toString(), "programme", programmeCode));
        }
        List<Field> errors = new ArrayList<>();
        LocalDate start = draft.periodStart();
        LocalDate end = draft.periodEnd();
        Dates.notTooOld("periodStart", start, errors);
        if (start.isAfter(LocalDate.now())) {
            errors.add(new Field("periodStart", Text.of("date.not-in-future")));
        }
        if (end.isBefore(start)) {
            errors.add(new Field("periodEnd", Dates.notBefore("periodStart")));
        } else if (ChronoUnit.DAYS.between(start, end) + 1 > LONGEST_PERIOD_DAYS) {
            errors.add(new Field("periodEnd", Text.of("measurement.period-too-long", "days", LONGEST_PERIOD_DAYS)));
        }
        if (indicator.isPercentage()) {
            percentage("value", draft.value(), errors);
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        if (indicator.isComputed()) {
            throw new DomainRuleViolation(
                    409,
                    "indicator-computed",
                    Text.of(
                            "indicator.computed",
                            "indicator",
                            indicatorId.toString(),
                            "computation",
                            String.valueOf(indicator.computation)));
        }
        List<Measurement> measured = measurementsOf(indicator);
        boolean exists = measured.stream()
                .anyMatch(m -> m.periodStart.equals(start)
                        && m.periodEnd.equals(end)
                        && Objects.equals(m.country, draft.country())
                        && m.sex == draft.sex());
        if (exists) {
            throw new DomainRuleViolation(
                    409,
                    "measurement-exists",
                    Text.of(
                            "measurement.exists",
                            "indicator",
                            indicatorId.toString(),
                            "start",
                            start.toString(),
                            "end",
                            end.toString(),
                            "qualifiers",
                            (draft.country() == null ? "" : ", " + draft.country())
                                    + (draft.sex() == null ? "" : ", " + draft.sex())));
        }
        if (measured.size() >= MAX_MEASUREMENTS) {
            throw DomainRuleViolation.unprocessable(
                    Text.of("measurement.too-many", "max", MAX_MEASUREMENTS, "indicator", indicatorId.toString()));
        }
        Measurement measurement = new Measurement();
        measurement.id = UUID.randomUUID();
        measurement.indicatorId = indicatorId;
        measurement.periodStart = start;
        measurement.periodEnd = end;
        measurement.value = draft.value();
        measurement.country = draft.country();
        measurement.sex = draft.sex();
        measurement.source = draft.source().strip();
        measurement.note = draft.note() == null || draft.note().isBlank()
                ? null
                : draft.note().strip();
        measurement.recordedBy = recordedBy;
        measurement.recordedAt = OffsetDateTime.now();
        measurement.persist();
        outbox.record(new IndicatorMeasured(
                measurement.id,
                indicatorId,
                programmeCode,
                start,
                end,
                measurement.value,
                measurement.country,
                measurement.sex == null ? null : measurement.sex.name(),
                measurement.source,
                measurement.note,
                recordedBy,
                measurement.recordedAt));
        audit.created("measurement", measurement.id, MeasurementView.of(measurement));
        return measurement;
    }

    /** An indicator with its measurements, as the caller may read it. */
    public record Measured(Indicator indicator, List<Measurement> measurements) {}

    /** The programme's indicators, in the order they were defined; a donor reads only a programme it funds. */
    @Transactional
    public List<Measured> indicatorsOf(String programmeCode, TenantScope scope) {
        programmes.fundsOf(programmeCode, scope);
        return Indicator.<Indicator>list("programmeCode = ?1 order by definedAt, id", programmeCode).stream()
                .map(i -> new Measured(i, measurementsOf(i)))
                .toList();
    }

    /** One indicator of the programme; a donor reads only a programme it funds. */
    @Transactional
    public Measured indicator(String programmeCode, UUID indicatorId, TenantScope scope) {
        programmes.fundsOf(programmeCode, scope);
        Indicator indicator = Indicator.findById(indicatorId);
        if (indicator == null || !indicator.programmeCode.equals(programmeCode)) {
            throw DomainRuleViolation.notFound(
                    Text.of("indicator.not-found", "indicator", indicatorId.toString(), "programme", programmeCode));
        }
        return new Measured(indicator, measurementsOf(indicator));
    }

    private static List<Measurement> measurementsOf(Indicator indicator) {
        return Measurement.list(
                "indicatorId = ?1 order by periodStart, periodEnd, country nulls first, sex nulls first, id",
                indicator.id);
    }

    private static void percentage(String field, BigDecimal value, List<Field> errors) {
        if (value != null && value.compareTo(HUNDRED) > 0) {
            errors.add(new Field(field, Text.of("indicator.percentage-above-100")));
        }
    }
}
