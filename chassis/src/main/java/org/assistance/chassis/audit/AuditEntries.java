package org.assistance.chassis.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Reads the audit trail, newest first, by actor, kind and period. */
@ApplicationScoped
public class AuditEntries {
    private final DataSource dataSource;
    private final ObjectMapper json;

    public AuditEntries(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** What to read: every field may be null (no filter); {@code to} is exclusive, {@code before} a cursor. */
    public record Filter(String actor, String kind, OffsetDateTime from, OffsetDateTime to, UUID before) {}

    /** At most {@code limit} entries (newest first). */
    public List<AuditEntry> page(Filter filter, int limit) {
        List<AuditEntry> found = new ArrayList<>();
        read(filter, limit, found::add);
        return found;
    }

    /** Every entry the filter names, newest first, one at a time (for the CSV form, which is not paged). */
    public void each(Filter filter, Consumer<AuditEntry> reader) {
        read(filter, Integer.MAX_VALUE, reader);
    }

    private void read(Filter filter, int limit, Consumer<AuditEntry> reader) {
        StringBuilder sql = new StringBuilder(
                "select id, recorded_at, actor, actor_roles, kind, subject, action, before::text, after::text, "
                        + "trace_id from audit_entries where true");
        List<Object> values = new ArrayList<>();
        if (filter.actor() != null) {
            sql.append(" and actor = ?");
            values.add(filter.actor());
        }
        if (filter.kind() != null) {
            sql.append(" and kind = ?");
            values.add(filter.kind());
        }
        if (filter.from() != null) {
            sql.append(" and recorded_at >= ?");
            values.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and recorded_at < ?");
            values.add(filter.to());
        }
        if (filter.before() != null) {
            sql.append(" and id < ?");
            values.add(filter.before());
        }
        sql.append(" order by id desc");
        if (limit != Integer.MAX_VALUE) {
            sql.append(" limit ").append(limit);
        }
        try (Connection connection = dataSource.getConnection()) {
            // a cursor on the server, so a long CSV export never holds the whole trail in memory
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                statement.setFetchSize(500);
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.accept(entry(rows));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail could not be read: " + e.getMessage(), e);
        }
    }

    private AuditEntry entry(ResultSet row) throws SQLException {
        String roles = row.getString("actor_roles");
        return new AuditEntry(
                row.getObject("id", UUID.class),
                row.getObject("recorded_at", OffsetDateTime.class),
                row.getString("actor"),
                roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
                row.getString("kind"),
                row.getString("subject"),
                row.getString("action"),
                node(row.getString(8)),
                node(row.getString(9)),
                row.getString("trace_id"));
    }

    private JsonNode node(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit entry holds JSON the database accepted: " + e.getMessage(), e);
        }
    }
}
