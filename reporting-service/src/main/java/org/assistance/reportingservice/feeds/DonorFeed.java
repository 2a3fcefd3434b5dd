package org.assistance.reportingservice.feeds;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.assistance.chassis.http.Cursor;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.security.TenantScope;
import org.assistance.chassis.texts.Text;
import org.assistance.reportingservice.enduse.EndUseFigures;
import org.assistance.reportingservice.enduse.EndUseMonitoring;
import org.assistance.reportingservice.enduse.MonitoredUnit;
import org.assistance.reportingservice.enduse.Today;
import org.assistance.reportingservice.readmodels.ManyRows;
import org.postgresql.PGStatement;

/**
 * Reads the activities changed in a cursor range, streaming them from the database. A cursor
 * is a transaction-id watermark: a range holds only changes of transactions that had ended when
 * it was read, so following cursors sees every change exactly once.
 */
@ApplicationScoped
public class DonorFeed {
    /**
     * Changes from (since, its request) inclusive to (until, its request) exclusive, in change
     * order: the order of index request_facts_feed (V9), so rows stream from it without a sort.
     */
    private static final String RANGE = """
            r.approved_at is not null and r.changed_xid >= cast(? as xid8) and r.changed_xid <= cast(? as xid8)
            and (r.changed_xid, r.request_id) >= (cast(? as xid8), cast(? as uuid))
            and (r.changed_xid, r.request_id) < (cast(? as xid8), cast(? as uuid))""";
    /** A donor reads only the requests it funds (request_facts_feed_donors, V9, finds them when few). */
    private static final String FUNDED_BY = " and r.donors @> jsonb_build_array(cast(? as text))";
    /** How many rows the driver fetches at a time: the first arrive soon, and the rest never all at once. */
    private static final int FETCH_SIZE = 200;

    private static final com.fasterxml.jackson.core.type.TypeReference<List<FeedActivity.Translation>> TRANSLATIONS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};
    /**
     * An activity per row, with its donors' ids in the directory's order. Its transactions come
     * from a second statement in the same order, read beside it (no query per activity, and no
     * aggregation per activity in the database).
     */
    private static final String ACTIVITIES = """
            select r.request_id, r.title, r.language, r.needs_statement, r.translations, r.country, r.thematic_area, r.programme_code, r.submitted_at,
                   r.approved_at, r.delivered_at, r.received_at, r.desired_by, r.approved_amount,
                   r.approved_currency, r.approved_units, r.accepted_units, r.participants_women,
                   r.participants_men, r.participants_other, r.participants_not_disclosed,
                   exists (select 1 from deliverable_facts d where d.request_id = r.request_id
                           and d.kind like 'TRAINING%') as training, r.updated_at, r.cancelled_at, r.closed_at, r.stage,
                   array(select distinct cast(e.id as varchar(100)) from jsonb_array_elements_text(r.donors) as e(id)
                         order by 1) as donor_ids
            from request_facts r where""" + " " + RANGE;
    /**
     * Every donor's part of every amount of the range's activities (as of now: nothing dated
     * later), activity by activity in the same order as {@link #ACTIVITIES}, then by date.
     */
    private static final String TRANSACTIONS = """
            select r.request_id, m.kind, m.occurred_at::date, p.amount, trim(p.currency), p.donor_id
            from request_facts r join money_parts p on p.request_id = r.request_id
                 join money_facts m on m.event_id = p.event_id and m.request_id = r.request_id
            where m.occurred_at <= now() and""" + " " + RANGE;

    /**
     * What held or stopped delivery, for the range's activities in the same order as {@link
     * #ACTIVITIES}: each shipment held now (not cleared since its last hold, not cancelled, not
     * gone) with the hits of its latest hold, each shipment cancelled (and whether it was held
     * then), each deliverable with a quantity cancelled.
     */
    private static final String NOTES = """
            select r.request_id, n.kind, n.subject, n.since, n.detail, n.description, n.quantity, n.of_quantity,
                   n.reason, n.while_held
            from request_facts r join lateral (
                select 'HELD' as kind, s.shipment_id::text as subject, coalesce(s.last_held_at, s.held_at) as since,
                       (select e.detail::text from barrier_events e where e.shipment_id = s.shipment_id
                        and e.kind = 'HELD' order by e.occurred_at desc limit 1) as detail,
                       null::text as description, s.units as quantity, null::int as of_quantity, null::text as reason,
                       true as while_held, 1 as ord
                from shipment_facts s where s.request_id = r.request_id and s.held_at is not null
                     and s.cancelled_at is null and s.dispatched_at is null and s.delivered_at is null
                     and (s.cleared_at is null or s.cleared_at < coalesce(s.last_held_at, s.held_at))
                union all
                select 'SHIPMENT_CANCELLED', s.shipment_id::text, s.cancelled_at, null, null, s.units, null, null,
                       (s.held_at is not null and (s.cleared_at is null
                        or s.cleared_at < coalesce(s.last_held_at, s.held_at))), 2
                from shipment_facts s where s.request_id = r.request_id and s.cancelled_at is not null
                union all
                select 'DELIVERABLE_CANCELLED', d.deliverable_id, null, null, d.description, d.quantity_cancelled,
                       d.quantity, d.reason, false, 3
                from deliverable_facts d where d.request_id = r.request_id and d.quantity_cancelled > 0
            ) n on true
            where""" + " " + RANGE;

    /**
     * The monitored units of the range's activities, in the same order as {@link #ACTIVITIES}: what
     * their end-use figures ({@link FeedActivity#endUse()}) are computed from.
     */
    private static final String END_USE = "select r.request_id, " + EndUseMonitoring.UNIT_COLUMNS
            + " from request_facts r join end_use_units u on u.request_id = r.request_id" + EndUseMonitoring.ITEM_NAMES
            + " where " + EndUseMonitoring.MONITORED + " and " + RANGE;

    private static final String ORDER = " order by r.changed_xid, r.request_id";
    private static final String NOTE_ORDER = ORDER + ", n.ord, n.since, n.subject";
    private static final String EVERY_NOTE = NOTES + NOTE_ORDER;
    private static final String NOTES_FUNDED_BY = NOTES + FUNDED_BY + NOTE_ORDER;
    private static final String EVERY_ACTIVITY = ACTIVITIES + ORDER;
    private static final String ACTIVITIES_FUNDED_BY = ACTIVITIES + FUNDED_BY + ORDER;
    private static final String TRANSACTION_ORDER = ORDER + ", m.occurred_at, m.event_id, p.donor_id";
    private static final String EVERY_TRANSACTION = TRANSACTIONS + TRANSACTION_ORDER;
    private static final String TRANSACTIONS_FUNDED_BY = TRANSACTIONS + FUNDED_BY + TRANSACTION_ORDER;
    private static final String UNIT_ORDER = ORDER + ", u.shipment_id, u.item_code, u.serial_number";
    private static final String EVERY_UNIT = END_USE + UNIT_ORDER;
    private static final String UNITS_FUNDED_BY = END_USE + FUNDED_BY + UNIT_ORDER;
    /**
     * A page in one statement: the settled point, and the first page-size-plus-one changes after
     * the cursor, whose last one (if there) is where the page ends; what the page holds (how many,
     * its last change and update) makes its entity tag. It reads a page, never the whole range.
     */
    private static final String PAGE = """
            with settled as materialized (select pg_snapshot_xmin(pg_current_snapshot()) as xid),
            changes as (
                select r.changed_xid, r.request_id, r.updated_at from request_facts r
                where r.approved_at is not null and r.changed_xid >= cast(? as xid8)
                  and (r.changed_xid, r.request_id) >= (cast(? as xid8), cast(? as uuid))
                  and r.changed_xid < (select xid from settled) %s
                order by r.changed_xid, r.request_id limit ?),
            numbered as (select c.*, row_number() over (order by c.changed_xid, c.request_id) as n from changes c)
            select (select xid::text from settled), count(*) filter (where n <= ?),
                   (max(changed_xid) filter (where n <= ?))::text, max(updated_at) filter (where n <= ?),
                   (max(changed_xid) filter (where n > ?))::text, (array_agg(request_id) filter (where n > ?))[1]
            from numbered""";
    /** The smallest request id: a position (xid, FIRST) stands before every change of transaction xid. */
    private static final UUID FIRST = new UUID(0, 0);
    /** The most activities one answer holds (the contract's bound on a page). */
    public static final int MAX_PAGE_SIZE = 1000;

    private final DataSource dataSource;
    private final int pageSize;
    private final Today today;

    public DonorFeed(DataSource dataSource, FeedLimits limits, Today today) {
        this.dataSource = dataSource;
        this.today = today;
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

    /** A page of the range and what it holds (for its entity tag and Last-Modified). */
    public record Page(Range range, Summary summary) {}

    /**
     * The changes since the cursor that the reader may read (a donor only the activities it
     * funds), up to a page of them, in one statement that reads no more than the page.
     */
    public Page page(String cursor, TenantScope scope) throws SQLException {
        String donor = scope.donor();
        Position since = cursor == null ? new Position("0", FIRST) : position(cursor);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(PAGE.formatted(donor == null ? "" : FUNDED_BY))) {
            customPlans(s);
            int i = 1;
            s.setString(i++, since.xid());
            s.setString(i++, since.xid());
            s.setObject(i++, since.request());
            if (donor != null) {
                s.setString(i++, donor);
            }
            s.setInt(i++, pageSize + 1);
            for (int n = 0; n < 5; n++) {
                s.setInt(i++, pageSize);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                String beyond = rs.getString(5);
                Position until = beyond == null
                        ? new Position(rs.getString(1), FIRST)
                        : new Position(beyond, rs.getObject(6, UUID.class));
                return new Page(
                        new Range(since, until, beyond != null, donor),
                        new Summary(rs.getLong(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)));
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
            throw InvalidInput.field("since", Text.of("feed.cursor-unknown"));
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
            // a transaction lets the driver fetch with server-side cursors, a batch at a time; one
            // snapshot for both statements, so each transaction row finds its activity
            c.setAutoCommit(false);
            try {
                try (Statement t = c.createStatement()) {
                    t.execute("set transaction isolation level repeatable read, read only");
                }
                Map<String, FeedActivity.Donor> directory = directory(c);
                boolean funded = range.donor() != null;
                try (PreparedStatement activities = c.prepareStatement(funded ? ACTIVITIES_FUNDED_BY : EVERY_ACTIVITY);
                        PreparedStatement transactions =
                                c.prepareStatement(funded ? TRANSACTIONS_FUNDED_BY : EVERY_TRANSACTION);
                        PreparedStatement notes = c.prepareStatement(funded ? NOTES_FUNDED_BY : EVERY_NOTE);
                        PreparedStatement units = c.prepareStatement(funded ? UNITS_FUNDED_BY : EVERY_UNIT)) {
                    ResultSet a = open(activities, range);
                    ResultSet t = open(transactions, range);
                    ResultSet n = open(notes, range);
                    ResultSet u = open(units, range);
                    boolean more = t.next();
                    boolean moreNotes = n.next();
                    boolean moreUnits = u.next();
                    LocalDate day = today.date();
                    while (a.next()) {
                        UUID request = a.getObject(1, UUID.class);
                        List<FeedActivity.Transaction> parts = new ArrayList<>();
                        while (more && request.equals(t.getObject(1, UUID.class))) {
                            if (parts.size() < FeedActivity.MAX_TRANSACTIONS) {
                                parts.add(transaction(t, directory));
                            }
                            more = t.next();
                        }
                        List<FeedActivity.DeliveryNote> told = new ArrayList<>();
                        while (moreNotes && request.equals(n.getObject(1, UUID.class))) {
                            if (told.size() < FeedActivity.MAX_NOTES) {
                                told.add(DeliveryNotes.of(
                                        n.getString(2),
                                        n.getString(3),
                                        time(n, "since"),
                                        n.getString(5),
                                        n.getString(6),
                                        n.getInt(7),
                                        n.getInt(8),
                                        n.getString(9),
                                        n.getBoolean(10)));
                            }
                            moreNotes = n.next();
                        }
                        List<MonitoredUnit> monitored = new ArrayList<>();
                        while (moreUnits && request.equals(u.getObject(1, UUID.class))) {
                            monitored.add(EndUseMonitoring.unit(u));
                            moreUnits = u.next();
                        }
                        EndUseFigures endUse = monitored.isEmpty() ? null : EndUseFigures.of(monitored, day);
                        sink.accept(activity(a, request, directory, parts, told, endUse));
                    }
                }
            } finally {
                c.rollback(); // it only read: ends the transaction, also when the client went away mid-way
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** Executes one of the stream's statements for the range, fetched a batch at a time. */
    private static ResultSet open(PreparedStatement s, Range range) throws SQLException {
        customPlans(s);
        s.setFetchSize(FETCH_SIZE);
        int next = bind(s, range);
        if (range.donor() != null) {
            s.setString(next, range.donor());
        }
        return s.executeQuery(); // closed with its statement
    }

    /** The donors as the events named them (a few hundred at most: one row per donor organisation). */
    private static Map<String, FeedActivity.Donor> directory(Connection c) throws SQLException {
        Map<String, FeedActivity.Donor> directory = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select donor_id, name, iati_identifier from donor_directory")) {
            while (rs.next()) {
                directory.put(
                        rs.getString(1), new FeedActivity.Donor(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return directory;
    }

    private static FeedActivity.Transaction transaction(ResultSet t, Map<String, FeedActivity.Donor> directory)
            throws SQLException {
        String donor = t.getString(6);
        FeedActivity.Donor known = directory.get(donor);
        return new FeedActivity.Transaction(
                switch (t.getString(2)) {
                    case "COMMITTED" -> "2";
                    case "DISBURSED" -> "3";
                    default -> "4";
                },
                t.getObject(3, LocalDate.class),
                t.getBigDecimal(4),
                t.getString(5),
                donor,
                known == null ? null : known.name(),
                known == null ? null : known.iatiIdentifier());
    }

    /**
     * Plans each execution for its own values: a donor funding most changes reads the page in
     * index order, one funding few finds them through the donors' index; a plan made once for
     * any donor (a prepared statement's generic plan) would walk every change for either.
     */
    private static void customPlans(PreparedStatement s) throws SQLException {
        if (s.isWrapperFor(PGStatement.class)) {
            s.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }

    private static FeedActivity activity(
            ResultSet rs,
            UUID request,
            Map<String, FeedActivity.Donor> directory,
            List<FeedActivity.Transaction> parts,
            List<FeedActivity.DeliveryNote> notes,
            EndUseFigures endUse)
            throws SQLException {
        // the donors the directory knows, in its order, at most as many as an activity lists
        List<FeedActivity.Donor> donors = new ArrayList<>();
        for (String id : (String[]) rs.getArray("donor_ids").getArray()) {
            FeedActivity.Donor donor = directory.get(id);
            if (donor != null && donors.size() < FeedActivity.MAX_DONORS) {
                donors.add(donor);
            }
        }
        return new FeedActivity(
                request,
                rs.getString("title"),
                rs.getString("language"),
                rs.getString("needs_statement"),
                translations(rs.getString("translations")),
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
                rs.getInt("participants_other"),
                rs.getInt("participants_not_disclosed"),
                rs.getBoolean("training"),
                time(rs, "updated_at"),
                donors,
                parts,
                notes,
                endUse);
    }

    /** The stored translations as the feeds list them (at most {@link FeedActivity#MAX_TRANSLATIONS}). */
    private static List<FeedActivity.Translation> translations(String json) {
        List<FeedActivity.Translation> all = ManyRows.fromJson(json, TRANSLATIONS);
        if (all == null) {
            return List.of();
        }
        return all.stream().limit(FeedActivity.MAX_TRANSLATIONS).toList();
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
        return 7;
    }
}
