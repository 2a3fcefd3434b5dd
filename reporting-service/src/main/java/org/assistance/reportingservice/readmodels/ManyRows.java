package org.assistance.reportingservice.readmodels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * Rows of one read-model table written together, in one statement whatever their number: an
 * upsert of {@code unnest}ed arrays (one array per column, each value as text cast to its
 * column's type), or a COPY (a rebuild's staging tables). Lists and records go as JSON.
 */
public final class ManyRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String table;
    private final List<String> columns = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final List<List<String>> values = new ArrayList<>();
    private int rows;

    /** Rows of {@code table}; each column as "name type" (type: the cast from text, or "text"). */
    public static ManyRows of(String table, String... columns) {
        ManyRows many = new ManyRows(table);
        for (String column : columns) {
            String[] parts = column.trim().split("\\s+", 2);
            many.columns.add(parts[0]);
            many.types.add(parts.length > 1 ? parts[1] : "text");
            many.values.add(new ArrayList<>());
        }
        return many;
    }

    private ManyRows(String table) {
        this.table = table;
    }

    /** One row: a value per column, in the columns' order. */
    public ManyRows add(Object... row) {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException(
                    table + ": " + row.length + " values for " + columns.size() + " columns");
        }
        for (int i = 0; i < row.length; i++) {
            values.get(i).add(text(row[i]));
        }
        rows++;
        return this;
    }

    public boolean isEmpty() {
        return rows == 0;
    }

    public int size() {
        return rows;
    }

    /** Inserts every row; those whose {@code key} exists already overwrite its other columns. */
    public void upsert(Connection connection, String key) throws SQLException {
        String others = columns.stream()
                .filter(c -> !List.of(key.split("\\s*,\\s*")).contains(c))
                .map(c -> c + " = excluded." + c)
                .collect(Collectors.joining(", "));
        write(connection, "on conflict (" + key + ") do update set " + others);
    }

    /**
     * Inserts every row; one whose {@code key} exists already overwrites it unless the row there is
     * later by {@code time} (a later fact is never replaced by an earlier one arriving late).
     */
    public void upsertUnlessLater(Connection connection, String key, String time) throws SQLException {
        String others = columns.stream()
                .filter(c -> !List.of(key.split("\\s*,\\s*")).contains(c))
                .map(c -> c + " = excluded." + c)
                .collect(Collectors.joining(", "));
        write(
                connection,
                "on conflict (" + key + ") do update set " + others + " where excluded." + time + " >= " + table + "."
                        + time);
    }

    /** Inserts every row not there yet (by any unique key). */
    public void insertNew(Connection connection) throws SQLException {
        write(connection, "on conflict do nothing");
    }

    /** Inserts every row. */
    public void insert(Connection connection) throws SQLException {
        write(connection, "");
    }

    /** Copies every row in, with PostgreSQL's COPY (no conflict handling: a rebuild's fresh, unindexed table). */
    public void copy(Connection connection) throws SQLException {
        if (rows == 0) {
            return;
        }
        StringBuilder data = new StringBuilder(rows * 160);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    data.append('\t');
                }
                escape(data, values.get(c).get(r));
            }
            data.append('\n');
        }
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "copy " + table + " (" + String.join(", ", columns) + ") from stdin",
                            new StringReader(data.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    private void write(Connection connection, String conflict) throws SQLException {
        if (rows == 0) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into ")
                .append(table)
                .append(" (")
                .append(String.join(", ", columns))
                .append(") select ");
        for (int c = 0; c < columns.size(); c++) {
            sql.append(c == 0 ? "" : ", ").append(columns.get(c));
            if (!types.get(c).equals("text")) {
                sql.append("::").append(types.get(c));
            }
        }
        sql.append(" from unnest(");
        for (int c = 0; c < columns.size(); c++) {
            sql.append(c == 0 ? "" : ", ").append("?::text[]");
        }
        sql.append(") as given (")
                .append(String.join(", ", columns))
                .append(") ")
                .append(conflict);
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int c = 0; c < columns.size(); c++) {
                statement.setString(c + 1, arrayLiteral(values.get(c)));
            }
            statement.executeUpdate();
        }
    }

    /**
     * A column's values as a PostgreSQL array literal ({"a","b\"c",NULL}), cast to text[] by the
     * statement. Made here rather than by the driver's createArrayOf, which escapes a character at
     * a time: a fifth of a rebuild's writing time went there (issue 18's profile).
     */
    static String arrayLiteral(List<String> column) {
        StringBuilder literal = new StringBuilder(column.size() * 24 + 2).append('{');
        for (int i = 0; i < column.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            String value = column.get(i);
            if (value == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            if (value.indexOf('"') < 0 && value.indexOf('\\') < 0) {
                // most values: nothing to escape, found by the JDK's vectorised search, appended whole
                literal.append(value).append('"');
                continue;
            }
            int from = 0;
            for (int j = 0; j < value.length(); j++) {
                char ch = value.charAt(j);
                if (ch == '"' || ch == '\\') {
                    literal.append(value, from, j).append('\\');
                    from = j;
                }
            }
            literal.append(value, from, value.length()).append('"');
        }
        return literal.append('}').toString();
    }

    private static void escape(StringBuilder data, String value) {
        if (value == null) {
            data.append("\\N");
            return;
        }
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            // most values have nothing to escape: found by the JDK's vectorised search, appended whole
            data.append(value);
            return;
        }
        int first = 0;
        while (first < value.length() && !needsEscape(value.charAt(first))) {
            first++;
        }
        data.append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> data.append("\\\\");
                case '\t' -> data.append("\\t");
                case '\n' -> data.append("\\n");
                case '\r' -> data.append("\\r");
                default -> data.append(ch);
            }
        }
    }

    private static boolean needsEscape(char ch) {
        return ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r';
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            // ISO 8601 as PostgreSQL reads it; toString, not a DateTimeFormatter, which took some 6 % of a rebuild's
            // writing
            return time.toString();
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Record) {
            return json(value);
        }
        return value.toString();
    }

    /** The value as a JSON column holds it. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A JSON column's value read back. */
    public static <T> T fromJson(String json, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return json == null ? null : JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
