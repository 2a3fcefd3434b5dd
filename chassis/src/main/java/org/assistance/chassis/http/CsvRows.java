package org.assistance.chassis.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * One row of the CSV reports and feeds (RFC 4180: comma separated, a cell quoted when it holds a
 * comma, a quote or a line break, CRLF at the end), with every cell neutralised against CSV
 * injection first.
 */
public final class CsvRows {
    public static final String MEDIA_TYPE = "text/csv";

    private CsvRows() {}

    /**
     * Whether a report is asked for as CSV: {@code format=csv}, or no format and an Accept header naming
     * text/csv (a wildcard does not: JSON stays the default).
     */
    public static boolean asked(String format, HttpHeaders headers) {
        return "csv".equals(format)
                || (format == null
                        && headers.getAcceptableMediaTypes().stream()
                                .anyMatch(t -> !t.isWildcardType() && t.isCompatible(MediaType.valueOf(MEDIA_TYPE))));
    }

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
