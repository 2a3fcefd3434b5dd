package org.assistance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.transactions.FreshPlans;
import org.junit.jupiter.api.Test;

/**
 * The live consumers find their requests' facts by key however the table has grown since the
 * service started. Issue 18: on a database without autovacuum (our machines') a plan kept from
 * when request_facts was nearly empty stayed a sequential scan, and each poll read the whole table
 * twice: 3,500 rows per submission after 60,000 requests, PostgreSQL busier than any service.
 * The consumers' transactions now plan afresh (EventInbox, FreshPlans).
 */
@QuarkusTest
class LiveReadsByKeyTest {
    private static final int GROWN_BY = 20_000;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_poll_locks_its_requests_by_key_after_the_table_grew_from_empty() throws Exception {
        assertThat(rowsScannedByALockAfterGrowth(true)).isZero();
    }

    @Test
    void without_fresh_plans_the_plan_kept_from_the_empty_table_reads_it_whole() throws Exception {
        // what the test above guards against, so that it cannot pass for another reason
        assertThat(rowsScannedByALockAfterGrowth(false)).isGreaterThanOrEqualTo(GROWN_BY);
    }

    /** Rows of request_facts read by sequential scans when a poll locks two requests after the table grew. */
    private long rowsScannedByALockAfterGrowth(boolean freshPlans) throws Exception {
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
                for (int poll = 0; poll < 10; poll++) {
                    lock(c, freshPlans, List.of(UUID.randomUUID()));
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
                lock(c, freshPlans, List.of(known, UUID.randomUUID()));
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

    private static void lock(Connection c, boolean freshPlans, List<UUID> requests) throws SQLException {
        if (freshPlans) {
            FreshPlans.forThisTransaction(c);
        }
        FactTables.lockRequests(c, requests);
    }
}
