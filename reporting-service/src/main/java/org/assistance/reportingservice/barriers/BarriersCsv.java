package org.assistance.reportingservice.barriers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.assistance.chassis.http.CsvRows;
import org.assistance.reportingservice.barriers.BarriersReport.Amount;

/**
 * The barriers report flat (RFC 4180, UTF-8), as the donor feeds write CSV: a header row, a
 * quoted cell where a comma, quote or line break needs it, and a cell a spreadsheet would run as
 * a formula prefixed with an apostrophe. One row per measure, per impediment row, and the totals;
 * amounts per currency as "USD 1200.00; EUR 5.00".
 */
public final class BarriersCsv {
    public static final List<String> COLUMNS = List.of(
            "row",
            "basis",
            "imposed_by",
            "instrument",
            "reference",
            "measure",
            "kind",
            "shipments",
            "lines",
            "items_blocked",
            "value_blocked",
            "items_delayed",
            "value_delayed",
            "days_total",
            "days_median",
            "standing",
            "denials",
            "extra_cost");

    private BarriersCsv() {}

    public static String of(BarriersReport report) {
        StringBuilder csv = new StringBuilder();
        csv.append(CsvRows.line(COLUMNS));
        for (BarriersReport.MeasureRow m : report.measures()) {
            csv.append(CsvRows.line(figures(
                    List.of(
                            "measure",
                            text(m.basis()),
                            text(m.imposedBy()),
                            text(m.instrument()),
                            text(m.reference()),
                            text(m.measure()),
                            ""),
                    new BarriersReport.Figures(
                            m.shipments(),
                            m.lines(),
                            m.itemsBlocked(),
                            m.valueBlocked(),
                            m.itemsDelayed(),
                            m.valueDelayed(),
                            m.daysTotal(),
                            m.daysMedian(),
                            m.standing(),
                            m.denials(),
                            m.extraCost()))));
        }
        for (BarriersReport.ImpedimentRow i : report.impediments()) {
            csv.append(CsvRows.line(figures(
                    List.of("impediment", text(i.basis()), "", "", "", "", text(i.kind())),
                    new BarriersReport.Figures(
                            i.shipments(),
                            i.lines(),
                            i.itemsBlocked(),
                            i.valueBlocked(),
                            i.itemsDelayed(),
                            i.valueDelayed(),
                            i.daysTotal(),
                            i.daysMedian(),
                            i.standing(),
                            i.denials(),
                            i.extraCost()))));
        }
        csv.append(CsvRows.line(figures(List.of("total", "", "", "", "", "", ""), report.totals())));
        return csv.toString();
    }

    private static List<String> figures(List<String> key, BarriersReport.Figures f) {
        List<String> cells = new ArrayList<>(key);
        cells.add(Long.toString(f.shipments()));
        cells.add(Long.toString(f.lines()));
        cells.add(Long.toString(f.itemsBlocked()));
        cells.add(amounts(f.valueBlocked()));
        cells.add(Long.toString(f.itemsDelayed()));
        cells.add(amounts(f.valueDelayed()));
        cells.add(number(f.daysTotal()));
        cells.add(number(f.daysMedian()));
        cells.add(Long.toString(f.standing()));
        cells.add(Long.toString(f.denials()));
        cells.add(amounts(f.extraCost()));
        return cells;
    }

    private static String amounts(List<Amount> amounts) {
        return amounts.stream()
                .map(a -> a.currency() + " " + a.amount().toPlainString())
                .collect(Collectors.joining("; "));
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
