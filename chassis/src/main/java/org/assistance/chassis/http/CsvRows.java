package org.assistance.chassis.http;

import java.util.List;

/**
 * One row of the CSV reports and feeds (RFC 4180: comma separated, a cell quoted when it holds a
 * comma, a quote or a line break, CRLF at the end), with every cell neutralised against CSV
 * injection first.
 */
public final class CsvRows {
    private CsvRows() {}

    /** The row's line, ending in CRLF. */
    public static String line(List<String> values) {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String value = neutralised(values.get(i));
            if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
                csv.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(value);
            }
        }
        return csv.append("\r\n").toString();
    }

    /**
     * A cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
     * return) is prefixed with an apostrophe, as OWASP advises for CSV injection; numbers (a
     * negative amount) stay numbers.
     */
    public static String neutralised(String value) {
        if (value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 || value.matches("-?\\d+(\\.\\d+)?")) {
            return value;
        }
        return "'" + value;
    }
}
