package org.assistance.reportingservice.enduse;

import java.util.ArrayList;
import java.util.List;
import org.assistance.chassis.http.CsvRows;

/**
 * The end-use report flat (RFC 4180, UTF-8), as the barriers report writes CSV: a header row, a
 * quoted cell where a comma, quote or line break needs it, and a cell a spreadsheet would run as
 * a formula prefixed with an apostrophe. One row for the totals, one per destination, one per
 * overdue check and one per finding.
 */
public final class EndUseCsv {
    public static final List<String> COLUMNS = List.of(
            "row",
            "country",
            "units_monitored",
            "checks_due",
            "checks_met",
            "checks_overdue",
            "findings_not_in_use",
            "findings_not_found",
            "findings_transferred",
            "findings_damaged",
            "units_found_in_use",
            "serial_number",
            "item_code",
            "item",
            "request_id",
            "due_on",
            "days_overdue",
            "result",
            "checked_at");

    private EndUseCsv() {}

    public static String of(EndUseReport report) {
        StringBuilder csv = new StringBuilder();
        csv.append(CsvRows.line(COLUMNS));
        csv.append(CsvRows.line(figures("total", report.country(), report.totals())));
        for (EndUseReport.CountryRow c : report.countries()) {
            csv.append(CsvRows.line(figures("country", c.country(), c.figures())));
        }
        for (EndUseReport.OverdueCheck o : report.overdue()) {
            List<String> cells = blank("overdue", o.country());
            cells.addAll(List.of(
                    text(o.serialNumber()),
                    text(o.itemCode()),
                    text(o.item()),
                    text(o.requestId()),
                    text(o.dueOn()),
                    Long.toString(o.daysOverdue()),
                    "",
                    ""));
            csv.append(CsvRows.line(cells));
        }
        for (EndUseReport.Finding f : report.findings()) {
            List<String> cells = blank("finding", f.country());
            cells.addAll(List.of(
                    text(f.serialNumber()),
                    text(f.itemCode()),
                    text(f.item()),
                    text(f.requestId()),
                    "",
                    "",
                    text(f.result()),
                    text(f.checkedAt())));
            csv.append(CsvRows.line(cells));
        }
        return csv.toString();
    }

    private static List<String> figures(String kind, String country, EndUseFigures f) {
        List<String> cells = new ArrayList<>(List.of(
                kind,
                text(country),
                Long.toString(f.unitsMonitored()),
                Long.toString(f.checksDue()),
                Long.toString(f.checksMet()),
                Long.toString(f.checksOverdue()),
                Long.toString(f.findings().notInUse()),
                Long.toString(f.findings().notFound()),
                Long.toString(f.findings().transferred()),
                Long.toString(f.findings().damaged()),
                Long.toString(f.unitsFoundInUse())));
        while (cells.size() < COLUMNS.size()) {
            cells.add("");
        }
        return cells;
    }

    /** A listed row's first cells: its kind and country, no figures. */
    private static List<String> blank(String kind, String country) {
        List<String> cells = new ArrayList<>(List.of(kind, text(country)));
        while (cells.size() < 11) {
            cells.add("");
        }
        return cells;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
