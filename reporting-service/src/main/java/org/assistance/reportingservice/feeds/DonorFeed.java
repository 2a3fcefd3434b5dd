package org.assistance.reportingservice.feeds;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.assistance.chassis.http.Cursor;
import org.assistance.chassis.problems.InvalidInput;

import javax.sql.DataSource;
import java.io.IOException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Reads the activities changed in a cursor range, streaming them from the database. A cursor
 * is a transaction-id watermark: a range holds only changes of transactions that had ended when
 * it was read, so following cursors sees every change exactly once.
 */
@ApplicationScoped
public class DonorFeed {
    private static final TypeReference<List<FeedActivity.Donor>> DONORS = new TypeReference<>() {
    };
    private static final TypeReference<List<FeedActivity.Transaction>> TRANSACTIONS = new TypeReference<>() {
    };
    private static final String RANGE = """
            r.approved_at is not null and r.changed_xid >= cast(? as xid8) and r.changed_xid < cast(? as xid8)
            and (cast(? as text) is null or r.donors @> jsonb_build_array(cast(? as text)))""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public DonorFeed(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** A range of changes: from the client's cursor up to what has settled now. */
    public record Range(String since, String until, String donor) {
        public String nextCursor() {
            return Cursor.encode(until);
        }
    }

    public record Summary(long activities, String lastChange, OffsetDateTime lastModified) {
    }

    public interface ActivitySink {
        void accept(FeedActivity activity) throws IOException;
    }

    public Range range(String cursor, String donor) throws SQLException {
        String since = cursor == null ? "0" : Cursor.decode(cursor, 1)[0];
        if (!since.matches("\\d{1,20}")) {
            throw InvalidInput.field("since", "is not a cursor this feed gave out");
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select pg_snapshot_xmin(pg_current_snapshot())::text"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return new Range(since, rs.getString(1), donor);
        }
    }

    public Summary summary(Range range) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*), max(r.changed_xid)::text, max(r.updated_at) from request_facts r where " + RANGE)) {
            bind(s, range);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                OffsetDateTime modified = rs.getObject(3, OffsetDateTime.class);
                return new Summary(rs.getLong(1), rs.getString(2), modified);
            }
        }
    }

    /** An entity tag for the representation of a range in a format. */
    public String entityTag(Range range, Summary summary, String format) {
        try {
            String basis = format + "|" + range.since() + "|" + range.until() + "|" + range.donor() + "|"
                    + summary.activities() + "|" + summary.lastChange();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Streams the activities of the range, oldest change first, without holding them all in memory. */
    public void stream(Range range, ActivitySink sink) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // lets the driver fetch with a cursor, a batch at a time
            try (PreparedStatement s = c.prepareStatement("""
                    select r.request_id, r.title, r.country, r.thematic_area, r.programme_code, r.submitted_at,
                           r.approved_at, r.delivered_at, r.received_at, r.desired_by, r.approved_amount,
                           r.approved_currency, r.approved_units, r.accepted_units, r.participants_women,
                           r.participants_men, r.updated_at, r.withdrawn_at, r.rejected_at, r.first_dispatch_at,
                           (select coalesce(json_agg(json_build_object('id', d.donor_id, 'name', d.name,
                                   'iatiIdentifier', d.iati_identifier) order by d.donor_id), '[]')
                            from donor_directory d where r.donors @> jsonb_build_array(d.donor_id)) as donors,
                           (select coalesce(json_agg(json_build_object('type', case m.kind when 'COMMITTED' then '2'
                                   when 'DISBURSED' then '3' else '4' end, 'date', m.occurred_at::date,
                                   'value', p.amount, 'currency', trim(p.currency), 'donor', p.donor_id,
                                   'donorName', d.name, 'donorIatiIdentifier', d.iati_identifier)
                                   order by m.occurred_at, m.event_id, p.donor_id), '[]')
                            from money_facts m join money_parts p on p.event_id = m.event_id
                                 left join donor_directory d on d.donor_id = p.donor_id
                            where m.request_id = r.request_id and m.occurred_at <= now()) as transactions,
                           r.cancelled_at, r.closed_at, r.delivery_started_at
                    from request_facts r where""" + " " + RANGE + " order by r.changed_xid, r.request_id")) {
                s.setFetchSize(500);
                bind(s, range);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(activity(rs));
                    }
                }
                c.commit();
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private FeedActivity activity(ResultSet rs) throws SQLException, IOException {
        // the request's end as request-service reported it; a partner's receipt of equipment closes it too
        String stage = rs.getObject(18) != null ? "WITHDRAWN" : rs.getObject(19) != null ? "REJECTED"
                : rs.getObject(23) != null ? "CANCELLED" : rs.getObject(24) != null ? "CLOSED"
                : rs.getObject(9) != null ? "RECEIVED" : rs.getObject(8) != null ? "DELIVERED"
                : rs.getObject(20) != null || rs.getObject(25) != null ? "IN_DELIVERY" : "APPROVED";
        return new FeedActivity(rs.getObject(1, UUID.class), rs.getString(2), trim(rs.getString(3)), rs.getString(4),
                rs.getString(5), stage, time(rs, 6), time(rs, 7), time(rs, 8), time(rs, 9), time(rs, 23), time(rs, 24),
                rs.getObject(10, LocalDate.class), rs.getBigDecimal(11), trim(rs.getString(12)), rs.getInt(13),
                rs.getInt(14), rs.getInt(15), rs.getInt(16), time(rs, 17),
                json.readValue(rs.getString(21), DONORS), json.readValue(rs.getString(22), TRANSACTIONS));
    }

    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static void bind(PreparedStatement s, Range range) throws SQLException {
        s.setString(1, range.since());
        s.setString(2, range.until());
        s.setString(3, range.donor());
        s.setString(4, range.donor());
    }
}
