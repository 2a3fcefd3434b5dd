package org.assistance.reportingservice.barriers;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What one shipment event tells the barriers report, as {@code barrier_events.detail} keeps it
 * (plain values only: read back the same whatever wrote it, live handling or a rebuild).
 */
public record BarrierFact(
        List<Line> lines,
        List<Hit> hits,
        UUID impedimentId,
        String kind,
        String party,
        String basis,
        String resolvedAt,
        BigDecimal extraCost,
        String extraCostCurrency,
        String note) {

    /** A line of a shipment: what it carried and what one item cost. */
    public record Line(String itemCode, int quantity, BigDecimal unitCost, String currency) {}

    /** A screening rule that hit a line, with its legal basis as the hold told it (null in older events). */
    public record Hit(
            String itemCode, String measure, String reference, String basis, String imposedBy, String instrument) {}

    static BarrierFact ofLines(List<Line> lines) {
        return new BarrierFact(lines, null, null, null, null, null, null, null, null, null);
    }

    static BarrierFact ofHits(List<Hit> hits) {
        return new BarrierFact(null, hits, null, null, null, null, null, null, null, null);
    }
}
