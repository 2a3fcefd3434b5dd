package org.assistance.reportingservice.rebuild;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.assistance.reportingservice.dashboard.DashboardStream;
import org.assistance.reportingservice.readmodels.ReadModelTables;
import org.jboss.logging.Logger;

/**
 * The read models' tables built afresh in a schema of their own beside the current ones, and
 * swapped in for them in one transaction under the lock live handling and readers share
 * ({@link ReadModelTables}).
 */
@ApplicationScoped
public class SchemaSwitchOver {
    private static final Logger LOG = Logger.getLogger(SchemaSwitchOver.class);

    private final DataSource dataSource;

    public SchemaSwitchOver(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Tables finished at once: the machine's cores are the database's during it. */
    private static final int FINISHERS = 2;

    /**
     * Tables a replay fills without any index (only appended, a row per event at most, never read
     * back during the replay; the replay itself folds each event once): their constraints and
     * indexes are built once at the end, which is much cheaper than maintaining them row by row.
     */
    static final List<String> STAGED = List.of("timeline_entries", "processed_events", "barrier_events");

    /**
     * Tables the replay reads and upserts by their keys only, whose other indexes (the dashboard's and
     * the feeds', a GIN among them) serve readers after the switch: those are built at the end too.
     * request_facts' upsert with its four was the largest single wait of a rebuild (issue 18).
     */
    static final List<String> INDEXED_AT_THE_END = List.of("request_facts");

    /**
     * Empty copies of every read-model table in {@code schema}, with what LIKE does not copy. They
     * are unlogged while the replay fills them (no WAL per row); {@link #finish} makes them durable.
     * Their keys and indexes are the current tables' own, by the same names (LIKE would name them
     * anew, and a later migration naming an index would not find it after a rebuild): the keys and
     * the indexes the replay reads by at once, the others ({@link #STAGED}, {@link #INDEXED_AT_THE_END}) at the end.
     */
    void createFreshTables(String schema) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            // one transaction: one commit to wait for, not one for each of some thirty statements
            c.setAutoCommit(false);
            try {
                s.execute("create schema " + schema);
                List<String> ddl = new ArrayList<>();
                for (String table : ReadModelTables.ALL) {
                    s.execute("create unlogged table " + schema + "." + table + " (like public." + table
                            + " including all excluding indexes)");
                    if (!STAGED.contains(table)) {
                        ddl.addAll(keys(s, schema, table));
                        // a unique index may be what an upsert's conflict names: never left for the end
                        ddl.addAll(indexes(
                                s, schema, table, INDEXED_AT_THE_END.contains(table) ? "i.indisunique" : "true"));
                    }
                }
                for (String statement : ddl) {
                    s.execute(statement);
                }
                // its own sequence (it moves with its table at the switch); the old one goes with the old table
                s.execute("create sequence " + schema + ".timeline_entries_seq_seq");
                s.execute("alter table " + schema + ".timeline_entries alter column seq set default nextval('" + schema
                        + ".timeline_entries_seq_seq')");
                s.execute("alter sequence " + schema + ".timeline_entries_seq_seq owned by " + schema
                        + ".timeline_entries.seq");
                // triggers are not copied by LIKE: the feeds' change tracking needs it on the new table
                s.execute("create trigger request_facts_changed before insert or update on " + schema
                        + ".request_facts for each row execute function public.request_facts_changed()");
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * After the replay's bulk: the staged tables get the constraints and indexes of the current
     * ones, the tables indexed at the end their other indexes (same names, in their own schema),
     * every table is made durable (logged) and analysed,
     * so the last events and the reads after the switch find them as the migrations made them.
     * Two tables at a time, each on a connection of its own (the work is the database's: index
     * builds and rewrites, one core each), the largest first.
     */
    void finish(String schema) throws Exception {
        ExecutorService finishers = Executors.newFixedThreadPool(FINISHERS, runnable -> {
            Thread thread = new Thread(runnable, "read-model-rebuild-finisher");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> tables = new ArrayList<>();
            for (String table : ReadModelTables.ALL) {
                tables.add(finishers.submit(() -> {
                    finish(schema, table);
                    return null;
                }));
            }
            for (Future<?> table : tables) {
                table.get();
            }
        } finally {
            finishers.shutdownNow();
        }
    }

    private void finish(String schema, String table) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            List<String> ddl = new ArrayList<>();
            if (STAGED.contains(table)) {
                ddl.addAll(keys(s, schema, table));
                ddl.addAll(indexes(s, schema, table, "true"));
            } else if (INDEXED_AT_THE_END.contains(table)) {
                ddl.addAll(indexes(s, schema, table, "not i.indisunique"));
            }
            for (String statement : ddl) {
                s.execute(statement);
            }
            s.execute("alter table " + schema + "." + table + " set logged");
            s.execute("analyze " + schema + "." + table);
        }
    }

    /** The current table's primary key, unique and exclusion constraints, for the fresh table in {@code schema}. */
    private static List<String> keys(Statement s, String schema, String table) throws Exception {
        List<String> ddl = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select 'alter table " + schema + "." + table
                + " add constraint ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid)"
                + " from pg_constraint where conrelid = 'public." + table + "'::regclass"
                + " and contype in ('p', 'u', 'x') order by contype, conname")) {
            while (rs.next()) {
                ddl.add(rs.getString(1));
            }
        }
        return ddl;
    }

    /**
     * The current table's other indexes (those no constraint owns) that meet {@code condition} (on
     * pg_index as {@code i}), for the fresh table in {@code schema}.
     */
    private static List<String> indexes(Statement s, String schema, String table, String condition) throws Exception {
        List<String> ddl = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select pg_get_indexdef(i.indexrelid) from pg_index i"
                + " where i.indrelid = 'public." + table + "'::regclass and " + condition + " and not exists"
                + " (select 1 from pg_constraint k where k.conindid = i.indexrelid)"
                + " order by i.indexrelid")) {
            while (rs.next()) {
                ddl.add(rs.getString(1).replace(" ON public." + table + " ", " ON " + schema + "." + table + " "));
            }
        }
        return ddl;
    }

    /**
     * Holds off live handling and readers, lets {@code lastEvents} bring the fresh tables up to
     * the topics' ends, and swaps them in for the current ones, which are dropped afterwards.
     * Returns what {@code lastEvents} returned.
     */
    <T> T swapIn(String schema, Callable<T> lastEvents) throws Exception {
        String retired = schema.replace("rebuild_", "retired_");
        T result;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                ReadModelTables.lockForSwitchOver(s);
                result = lastEvents.call();
                s.execute("create schema " + retired);
                for (String table : ReadModelTables.ALL) {
                    s.execute("alter table public." + table + " set schema " + retired);
                    s.execute("alter table " + schema + "." + table + " set schema public");
                }
                // every instance's open dashboards reload once the new tables are in
                s.execute("select pg_notify('" + DashboardStream.CHANNEL + "', '{\"type\":\"read-models.rebuilt\","
                        + "\"source\":\"/reporting-service\",\"summary\":\"Read models rebuilt from the topics\","
                        + "\"time\":\"" + OffsetDateTime.now() + "\"}')");
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        discard(retired);
        discard(schema);
        return result;
    }

    /** Drops a schema of fresh or retired tables; a failure to is only logged (nothing reads it). */
    void discard(String schema) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        } catch (Exception e) {
            LOG.warnf("Could not drop schema %s: %s", schema, e.getMessage());
        }
    }
}
