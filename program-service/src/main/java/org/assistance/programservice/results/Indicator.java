package org.assistance.programservice.results;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.assistance.chassis.events.ResultEvents.Computation;
import org.assistance.chassis.events.ResultEvents.IndicatorKind;
import org.assistance.chassis.events.Values.IndicatorValue;

/**
 * What a programme states it will measure: an output or an outcome, in a unit ("%" makes it a
 * percentage), from a baseline to a target. With a {@link Computation} the platform measures it
 * from its own facts; otherwise measurements are entered, each with its source.
 */
@Entity
@Table(name = "indicators")
public class Indicator extends PanacheEntityBase {
    /** The unit of a percentage: its values are 0 to 100. */
    public static final String PERCENT = "%";

    @Id
    public UUID id;

    @Column(name = "programme_code")
    public String programmeCode;

    public String title;

    @Enumerated(EnumType.STRING)
    public IndicatorKind kind;

    public String unit;

    @Column(name = "baseline_value")
    public BigDecimal baselineValue;

    @Column(name = "baseline_year")
    public Integer baselineYear;

    @Column(name = "target_value")
    public BigDecimal targetValue;

    @Column(name = "target_year")
    public Integer targetYear;

    @Column(name = "sdg_target")
    public String sdgTarget;

    @Enumerated(EnumType.STRING)
    public Computation computation;

    @Column(name = "defined_by")
    public String definedBy;

    @Column(name = "defined_at")
    public OffsetDateTime definedAt;

    @Version
    public long version;

    /** True when the platform measures it from its own facts (and nobody enters its values). */
    public boolean isComputed() {
        return computation != null;
    }

    public boolean isPercentage() {
        return PERCENT.equals(unit);
    }

    IndicatorValue baseline() {
        return baselineValue == null ? null : new IndicatorValue(baselineValue, baselineYear);
    }

    IndicatorValue target() {
        return targetValue == null ? null : new IndicatorValue(targetValue, targetYear);
    }
}
