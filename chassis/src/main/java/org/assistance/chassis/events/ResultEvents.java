package org.assistance.chassis.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.assistance.chassis.events.Values.IndicatorValue;

/**
 * A programme's results framework, published by program-service on {@value Topics#REVIEWS}. About
 * a programme, not a request: keyed {@code programme:<code>}, so one programme's indicators and
 * their measurements stay in order.
 */
public final class ResultEvents {
    private ResultEvents() {}

    /** Whether an indicator counts what was delivered (OUTPUT) or what changed because of it (OUTCOME). */
    public enum IndicatorKind {
        OUTPUT,
        OUTCOME
    }

    /**
     * What the platform can measure from its own facts, per calendar year, for the whole programme,
     * per recipient country and (participants) per sex; reporting-service computes these from the
     * events, and nobody enters them by hand.
     * <ul>
     *   <li>PARTICIPANTS_TRAINED: participants of the programme's delivered activities (unit
     *       "participants"), in the year the activity was delivered;
     *   <li>EQUIPMENT_ACCEPTED: units of equipment the recipients accepted at receipt (unit "units"),
     *       in the year of the receipt;
     *   <li>REQUESTS_DELIVERED_ON_TIME: of the programme's requests delivered in the year that named
     *       a date they were needed by, the share delivered on or before it (unit "%").
     * </ul>
     */
    public enum Computation {
        PARTICIPANTS_TRAINED("participants"),
        EQUIPMENT_ACCEPTED("units"),
        REQUESTS_DELIVERED_ON_TIME("%");

        private final String unit;

        Computation(String unit) {
            this.unit = unit;
        }

        public String unit() {
            return unit;
        }
    }

    /** The sexes participants are counted by (and measurements may be disaggregated by). */
    public enum Sex {
        FEMALE,
        MALE,
        OTHER,
        NOT_DISCLOSED
    }

    /**
     * {@code assistance.indicator.defined.v1}: a programme states what it will measure. {@code
     * kind} is an {@link IndicatorKind} name; {@code unit} "%" makes it a percentage; {@code
     * computation} a {@link Computation} name when the platform measures it, null when
     * measurements are entered; {@code sdgTarget} the Sustainable Development Goal target it
     * serves ("16.4", "16.a", "5.2"), or null.
     */
    public record IndicatorDefined(
            UUID indicatorId,
            String programmeCode,
            String title,
            String kind,
            String unit,
            IndicatorValue baseline,
            IndicatorValue target,
            String sdgTarget,
            String computation,
            String definedBy,
            OffsetDateTime definedAt)
            implements AssistanceEvent {
        @Override
        public UUID requestId() {
            return null;
        }

        @Override
        public String aggregateId() {
            return "programme:" + programmeCode;
        }
    }

    /**
     * {@code assistance.indicator.measured.v1}: a value entered for an indicator the platform does
     * not compute, for a period, with its source. {@code country} (ISO 3166-1 alpha-2) and {@code
     * sex} (a {@link Sex} name) disaggregate it; both null is the programme's whole figure.
     */
    public record IndicatorMeasured(
            UUID measurementId,
            UUID indicatorId,
            String programmeCode,
            LocalDate periodStart,
            LocalDate periodEnd,
            BigDecimal value,
            String country,
            String sex,
            String source,
            String note,
            String recordedBy,
            OffsetDateTime recordedAt)
            implements AssistanceEvent {
        @Override
        public UUID requestId() {
            return null;
        }

        @Override
        public String aggregateId() {
            return "programme:" + programmeCode;
        }
    }
}
