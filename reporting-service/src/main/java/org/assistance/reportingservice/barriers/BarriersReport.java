package org.assistance.reportingservice.barriers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What stopped or slowed equipment on its way, per screening measure and per kind of impediment:
 * the shipments and lines affected, the items and value that never went (blocked) or went late
 * (delayed), the days they were held, how many still stand, the denials and the extra cost
 * recorded. Facts only: what was held, by which measure, for how long.
 */
@Schema(description = "Barriers to the delivery of equipment, per measure and per kind of impediment")
public record BarriersReport(
        @Schema(description = "The destination the report covers (ISO 3166-1 alpha-2); null: every one", maxLength = 2)
        String country,

        @Schema(description = "The basis the report is narrowed to; null: every basis", maxLength = 30)
        String basis,

        @Schema(description = "First day (UTC) a barrier began on, inclusive; null: no lower bound")
        LocalDate from,

        @Schema(description = "Last day (UTC) a barrier began on, inclusive; null: no upper bound")
        LocalDate to,

        @Schema(description = "The moment a barrier still standing is counted to: now, or the end of `to` if earlier")
        OffsetDateTime asOf,

        @Schema(description = "One row per screening measure", maxItems = Barriers.MAX_ROWS)
        List<MeasureRow> measures,

        @Schema(description = "One row per kind of impediment and basis", maxItems = Barriers.MAX_ROWS)
        List<ImpedimentRow> impediments,

        @Schema(description = "Every row together, each shipment and line counted once")
        Figures totals) {

    /** An amount in one currency. */
    @Schema(name = "BarrierAmount")
    public record Amount(
            @Schema(maxLength = 3, example = "USD") String currency,
            @Schema(maximum = "999999999999999.99") BigDecimal amount) {}

    /** The figures of a row (or of every row: the totals). */
    public record Figures(
            @Schema(description = "Distinct shipments affected", minimum = "0", maximum = MAX)
            long shipments,

            @Schema(description = "Lines affected", minimum = "0", maximum = MAX)
            long lines,

            @Schema(description = "Items that never went", minimum = "0", maximum = MAX)
            long itemsBlocked,

            @Schema(description = "Their value (quantity x unit cost as planned), per currency", maxItems = 200)
            List<Amount> valueBlocked,

            @Schema(description = "Items held or stopped, then gone, or still held", minimum = "0", maximum = MAX)
            long itemsDelayed,

            @Schema(description = "Their value per currency", maxItems = 200)
            List<Amount> valueDelayed,

            @Schema(description = "Days the affected shipments were held, in total (2 decimals)", maximum = MAX)
            BigDecimal daysTotal,

            @Schema(description = "Median of the days per affected shipment; null with none", maximum = MAX)
            BigDecimal daysMedian,

            @Schema(description = "Affected shipments the barrier still stands for", minimum = "0", maximum = MAX)
            long standing,

            @Schema(description = "Denials (see the README for the rule)", minimum = "0", maximum = MAX)
            long denials,

            @Schema(description = "Extra cost recorded, per currency (impediments only)", maxItems = 200)
            List<Amount> extraCost) {}

    /** A screening measure: the rule's basis, who imposed it, under which instrument and reference. */
    public record MeasureRow(
            @Schema(
                    maxLength = 30,
                    enumeration = {"UN_SECURITY_COUNCIL", "UNILATERAL_MEASURE", "NATIONAL_EXPORT_CONTROL", "OTHER"})
            String basis,

            @Schema(maxLength = 500) String imposedBy,
            @Schema(maxLength = 500) String instrument,
            @Schema(maxLength = 500) String reference,

            @Schema(
                    maxLength = 30,
                    enumeration = {"PROHIBITED", "LICENCE_REQUIRED"})
            String measure,

            @Schema(minimum = "0", maximum = MAX) long shipments,
            @Schema(minimum = "0", maximum = MAX) long lines,
            @Schema(minimum = "0", maximum = MAX) long itemsBlocked,
            @Schema(maxItems = 200) List<Amount> valueBlocked,
            @Schema(minimum = "0", maximum = MAX) long itemsDelayed,
            @Schema(maxItems = 200) List<Amount> valueDelayed,
            @Schema(maximum = MAX) BigDecimal daysTotal,
            @Schema(maximum = MAX) BigDecimal daysMedian,
            @Schema(minimum = "0", maximum = MAX) long standing,
            @Schema(minimum = "0", maximum = MAX) long denials,
            @Schema(maxItems = 200) List<Amount> extraCost) {
        MeasureRow(Barriers.MeasureKey key, Figures f) {
            this(
                    key.basis(),
                    key.imposedBy(),
                    key.instrument(),
                    key.reference(),
                    key.measure(),
                    f.shipments(),
                    f.lines(),
                    f.itemsBlocked(),
                    f.valueBlocked(),
                    f.itemsDelayed(),
                    f.valueDelayed(),
                    f.daysTotal(),
                    f.daysMedian(),
                    f.standing(),
                    f.denials(),
                    f.extraCost());
        }
    }

    /** A kind of impediment (a carrier's, bank's, supplier's or insurer's refusal, a licence denied or delayed). */
    public record ImpedimentRow(
            @Schema(
                    maxLength = 30,
                    enumeration = {
                        "CARRIER_REFUSAL",
                        "BANK_REFUSAL",
                        "SUPPLIER_REFUSAL",
                        "INSURER_REFUSAL",
                        "LICENCE_DENIED",
                        "LICENCE_DELAYED",
                        "OTHER"
                    })
            String kind,

            @Schema(
                    maxLength = 30,
                    enumeration = {"UN_SECURITY_COUNCIL", "UNILATERAL_MEASURE", "NATIONAL_EXPORT_CONTROL", "OTHER"})
            String basis,

            @Schema(minimum = "0", maximum = MAX) long shipments,
            @Schema(minimum = "0", maximum = MAX) long lines,
            @Schema(minimum = "0", maximum = MAX) long itemsBlocked,
            @Schema(maxItems = 200) List<Amount> valueBlocked,
            @Schema(minimum = "0", maximum = MAX) long itemsDelayed,
            @Schema(maxItems = 200) List<Amount> valueDelayed,
            @Schema(maximum = MAX) BigDecimal daysTotal,
            @Schema(maximum = MAX) BigDecimal daysMedian,
            @Schema(minimum = "0", maximum = MAX) long standing,
            @Schema(minimum = "0", maximum = MAX) long denials,
            @Schema(maxItems = 200) List<Amount> extraCost) {
        ImpedimentRow(String kind, String basis, Figures f) {
            this(
                    kind,
                    basis,
                    f.shipments(),
                    f.lines(),
                    f.itemsBlocked(),
                    f.valueBlocked(),
                    f.itemsDelayed(),
                    f.valueDelayed(),
                    f.daysTotal(),
                    f.daysMedian(),
                    f.standing(),
                    f.denials(),
                    f.extraCost());
        }
    }

    static final String MAX = "9223372036854775807";
}
