package org.assistance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The live consumers find their requests' facts by key however the table has grown since the
 * service started. Issue 18: on a database without autovacuum (our machines') a plan kept from
 * when request_facts was nearly empty stayed a sequential scan, and each poll read the whole table
 * twice: 3,500 rows per submission after 60,000 requests, PostgreSQL busier than any service.
 * Those reads are now planned at each execution (FreshPlans).
 */
@QuarkusTest
class LiveReadsByKeyTest {
    private static final int GROWN_BY = 20_000;

    @Inject
    AgroalDataSource dataSource;

    /** The live fold's lock of a poll's requests. */
    private static final PollLock FACT_TABLES = FactTables::lockRequests;

    /** The same read as a statement the driver keeps prepared, as it does any statement run five times. */
    private static final PollLock KEPT_PREPARED = (c, requests) -> {
        try (PreparedStatement select = c.prepareStatement("select * from request_facts where request_id = any(?)"
                + " order by request_id for update /* kept prepared */")) {
            select.setArray(1, c.createArrayOf("uuid", requests.toArray()));
            select.executeQuery().close();
        }
        try (PreparedStatement insert = c.prepareStatement("insert into request_facts (request_id)"
                + " select id from unnest(?) as given (id) on conflict do nothing")) {
            insert.setArray(1, c.createArrayOf("uuid", requests.toArray()));
            insert.executeUpdate();
        }
    };

    @Test
    void a_poll_locks_its_requests_by_key_after_the_table_grew_from_empty() throws Exception {
        assertThat(rowsScannedByALockAfterGrowth(FACT_TABLES)).isZero();
    }

    @Test
    void a_statement_kept_prepared_since_the_table_was_empty_reads_it_whole() throws Exception {
        // what the test above guards against, so that it cannot pass for another reason
        assertThat(rowsScannedByALockAfterGrowth(KEPT_PREPARED)).isGreaterThanOrEqualTo(GROWN_BY);
    }

    private interface PollLock {
        void lock(Connection c, List<UUID> requests) throws SQLException;
    }

    /** Rows of request_facts read by sequential scans when a poll locks two requests after the table grew. */
    private long rowsScannedByALockAfterGrowth(PollLock poll) throws Exception {
        String schema = "live_by_key_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("create schema " + schema);
                s.execute("create table " + schema + ".request_facts (like public.request_facts including all)");
                s.execute("set search_path to " + schema);
            }
            try {
                c.setAutoCommit(false);
                // the first polls of a new platform: the statements run often enough to be kept prepared
                for (int first = 0; first < 10; first++) {
                    poll.lock(c, List.of(UUID.randomUUID()));
                    c.commit();
                }
                UUID known = UUID.randomUUID();
                try (Statement s = c.createStatement()) {
                    s.execute("insert into request_facts (request_id) select gen_random_uuid()"
                            + " from generate_series(1, " + GROWN_BY + ") union all select '" + known + "'");
                }
                c.commit();

                // a backend reports its table counters now and then, not at each commit: counted within one transaction
                long before = rowsScanned(c);
                poll.lock(c, List.of(known, UUID.randomUUID()));
                long scanned = rowsScanned(c) - before;
                c.rollback();
                return scanned;
            } finally {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("set search_path to default");
                    s.execute("drop schema " + schema + " cascade");
                }
            }
        }
    }

    private static long rowsScanned(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select coalesce(seq_tup_read, 0) from pg_stat_xact_user_tables"
                        + " where relid = 'request_facts'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
