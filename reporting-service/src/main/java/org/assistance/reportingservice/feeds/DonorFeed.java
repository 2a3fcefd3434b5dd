package org.assistance.reportingservice.feeds;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
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
import javax.sql.DataSource;
import org.assistance.chassis.http.Cursor;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.security.TenantScope;

/**
 * Reads the activities changed in a cursor range, streaming them from the database. A cursor
 * is a transaction-id watermark: a range holds only changes of transactions that had ended when
 * it was read, so following cursors sees every change exactly once.
 */
@ApplicationScoped
public class DonorFeed {
    private static final TypeReference<List<FeedActivity.Donor>> DONORS = new TypeReference<>() {};
    private static final TypeReference<List<FeedActivity.Transaction>> TRANSACTIONS = new TypeReference<>() {};
    /** Changes from (since, its request) inclusive to (until, its request) exclusive, in change order. */
    private static final String RANGE = """
            r.approved_at is not null and r.changed_xid >= cast(? as xid8) and r.changed_xid <= cast(? as xid8)
            and (r.changed_xid, r.request_id) >= (cast(? as xid8), cast(? as uuid))
            and (r.changed_xid, r.request_id) < (cast(? as xid8), cast(? as uuid))
            and (cast(? as text) is null or r.donors @> jsonb_build_array(cast(? as text)))""";
    /** The smallest request id: a position (xid, FIRST) stands before every change of transaction xid. */
    private static final UUID FIRST = new UUID(0, 0);
    /** The most activities one answer holds (the contract's bound on a page). */
    public static final int MAX_PAGE_SIZE = 1000;

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final int pageSize;

    public DonorFeed(DataSource dataSource, ObjectMapper json, FeedLimits limits) {
        this.dataSource = dataSource;
        this.json = json;
        this.pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, limits.pageSize()));
    }

    /** A position in the order of changes: a transaction id and, within it, a request. */
    public record Position(String xid, UUID request) {
        String cursor() {
            return FIRST.equals(request) ? Cursor.encode(xid) : Cursor.encode(xid, request);
        }
    }

    /**
     * A range of changes: from the client's cursor up to what has settled now, or up to the
     * first change of the next page when more than a page has changed ({@code more}).
     */
    public record Range(Position since, Position until, boolean more, String donor) {
        public String nextCursor() {
            return until.cursor();
        }
    }

    public record Summary(long activities, String lastChange, OffsetDateTime lastModified) {}

    public interface ActivitySink {
        void accept(FeedActivity activity) throws IOException;
    }

    /** The changes since the cursor that the reader may read: a donor only the activities it funds. */
    public Range range(String cursor, TenantScope scope) throws SQLException {
        String donor = scope.donor();
        Position since = cursor == null ? new Position("0", FIRST) : position(cursor);
        try (Connection c = dataSource.getConnection()) {
            String settled;
            try (PreparedStatement s = c.prepareStatement("select pg_snapshot_xmin(pg_current_snapshot())::text");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                settled = rs.getString(1);
            }
            Range all = new Range(since, new Position(settled, FIRST), false, donor);
            // the first change beyond a page, if any: the page ends just before it
            try (PreparedStatement s =
                    c.prepareStatement("select r.changed_xid::text, r.request_id from request_facts r" + " where "
                            + RANGE + " order by r.changed_xid, r.request_id offset ? limit 1")) {
                int next = bind(s, all);
                s.setInt(next, pageSize);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                            ? new Range(since, new Position(rs.getString(1), rs.getObject(2, UUID.class)), true, donor)
                            : all;
                }
            }
        }
    }

    /** The position a cursor this feed gave out stands for; anything else is a 400 naming {@code since}. */
    private static Position position(String cursor) {
        try {
            String[] parts;
            try {
                parts = Cursor.decode(cursor, 2);
            } catch (InvalidInput oneOnly) {
                parts = Cursor.decode(cursor, 1); // a page's end, or a cursor of an older version
            }
            // a transaction id is an unsigned 64-bit number: anything larger is no cursor of ours
            String xid = Long.toUnsignedString(Long.parseUnsignedLong(parts[0]));
            return new Position(xid, parts.length == 2 ? UUID.fromString(parts[1]) : FIRST);
        } catch (InvalidInput | IllegalArgumentException e) {
            throw InvalidInput.field("since", "is not a cursor this feed gave out");
        }
    }

    public Summary summary(Range range) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select count(*), max(r.changed_xid)::text, max(r.updated_at) from request_facts r where "
                                + RANGE)) {
            bind(s, range);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                OffsetDateTime modified = rs.getObject(3, OffsetDateTime.class);
                return new Summary(rs.getLong(1), rs.getString(2), modified);
            }
        }
    }

    /**
     * An entity tag for the representation of a range in a format: the same while nothing of the
     * range changed, however far the settled point moved meanwhile (other donors' changes, any
     * other transaction); a page cut short ends at a change of its own, which the tag names.
     */
    public String entityTag(Range range, Summary summary, String format) {
        try {
            String basis = format + "|" + range.since().cursor() + "|"
                    + (range.more() ? range.until().cursor() : "") + "|" + range.donor() + "|" + summary.activities()
                    + "|" + summary.lastChange();
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(basis.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
            try (PreparedStatement s =
                    c.prepareStatement("""
                    select r.request_id, r.title, r.country, r.thematic_area, r.programme_code, r.submitted_at,
                           r.approved_at, r.delivered_at, r.received_at, r.desired_by, r.approved_amount,
                           r.approved_currency, r.approved_units, r.accepted_units, r.participants_women,
                           r.participants_men, r.updated_at,
                           (select coalesce(json_agg(json_build_object('id', d.donor_id, 'name', d.name,
                                   'iatiIdentifier', d.iati_identifier) order by d.donor_id), '[]')
                            from (select * from donor_directory d where r.donors @> jsonb_build_array(d.donor_id)
                                  order by d.donor_id limit %d) d) as donors,
                           (select coalesce(json_agg(json_build_object('type', case t.kind when 'COMMITTED' then '2'
                                   when 'DISBURSED' then '3' else '4' end, 'date', t.occurred_at::date,
                                   'value', t.amount, 'currency', trim(t.currency), 'donor', t.donor_id,
                                   'donorName', t.name, 'donorIatiIdentifier', t.iati_identifier)
                                   order by t.occurred_at, t.event_id, t.donor_id), '[]')
                            from (select m.kind, m.occurred_at, m.event_id, p.amount, p.currency, p.donor_id, d.name,
                                         d.iati_identifier
                                  from money_facts m join money_parts p on p.event_id = m.event_id
                                       left join donor_directory d on d.donor_id = p.donor_id
                                  where m.request_id = r.request_id and m.occurred_at <= now()
                                  order by m.occurred_at, m.event_id, p.donor_id limit %d) t) as transactions,
                           r.cancelled_at, r.closed_at, r.stage
                    from request_facts r where""".formatted(FeedActivity.MAX_DONORS, FeedActivity.MAX_TRANSACTIONS)
                            + " " + RANGE + " order by r.changed_xid, r.request_id")) {
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
        return new FeedActivity(
                rs.getObject("request_id", UUID.class),
                rs.getString("title"),
                trim(rs.getString("country")),
                rs.getString("thematic_area"),
                rs.getString("programme_code"),
                stage(rs.getString("stage"), rs.getObject("received_at") != null),
                time(rs, "submitted_at"),
                time(rs, "approved_at"),
                time(rs, "delivered_at"),
                time(rs, "received_at"),
                time(rs, "cancelled_at"),
                time(rs, "closed_at"),
                rs.getObject("desired_by", LocalDate.class),
                rs.getBigDecimal("approved_amount"),
                trim(rs.getString("approved_currency")),
                rs.getInt("approved_units"),
                rs.getInt("accepted_units"),
                rs.getInt("participants_women"),
                rs.getInt("participants_men"),
                time(rs, "updated_at"),
                json.readValue(rs.getString("donors"), DONORS),
                json.readValue(rs.getString("transactions"), TRANSACTIONS));
    }

    /**
     * The request's stage (derived once, in {@code request_facts.stage}) as the feeds report an
     * approved request: a partner's confirmed receipt shows as RECEIVED until the request ends,
     * and a partial approval is an approval (an IATI activity status makes no difference).
     */
    static String stage(String stage, boolean received) {
        return switch (stage) {
            case "WITHDRAWN", "REJECTED", "CANCELLED", "CLOSED" -> stage;
            default -> received ? "RECEIVED" : "PARTIALLY_APPROVED".equals(stage) ? "APPROVED" : stage;
        };
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    /** Binds the range's parameters; returns the index of the next parameter. */
    private static int bind(PreparedStatement s, Range range) throws SQLException {
        s.setString(1, range.since().xid());
        s.setString(2, range.until().xid());
        s.setString(3, range.since().xid());
        s.setObject(4, range.since().request());
        s.setString(5, range.until().xid());
        s.setObject(6, range.until().request());
        s.setString(7, range.donor());
        s.setString(8, range.donor());
        return 9;
    }
}
