package org.assistance.reportingservice.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A rebuild's replay finds its requests' rows in the fresh tables by their keys, however small the
 * tables still are. Issue 18: a plan cached while they were nearly empty scanned them whole, and each
 * poll's read-back and delete then read everything written so far (a million events' rebuild spent
 * most of its database time there).
 */
@QuarkusTest
class ReplayReadsByKeyTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_polls_read_back_and_delete_of_its_requests_use_the_request_index_of_a_fresh_table() throws Exception {
        String schema = "replay_by_key_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("create schema " + schema);
                // as the rebuild makes it: a copy of the read model's table with its indexes, a few rows in
                s.execute("create unlogged table " + schema + ".money_parts (like public.money_parts including all)");
                s.execute("insert into " + schema + ".money_parts (event_id, donor_id, request_id, amount, currency)"
                        + " select gen_random_uuid(), 'donor-' || n, gen_random_uuid(), n, 'EUR'"
                        + " from generate_series(1, 20) n");
            }
            TopicReplay.inFreshTables(c, schema);

            List<String> readBack = plan(c, "select * from money_parts where request_id = any(?)");
            List<String> delete = plan(c, "delete from money_parts where request_id = any(?)");

            assertThat(String.join("\n", readBack))
                    .contains("money_parts_request")
                    .doesNotContain("Seq Scan");
            assertThat(String.join("\n", delete))
                    .contains("money_parts_request")
                    .doesNotContain("Seq Scan");
            c.rollback();
        }
    }

    /** The plan PostgreSQL makes for the statement with a poll's worth of request ids. */
    private static List<String> plan(Connection c, String sql) throws Exception {
        UUID[] requests = new UUID[2000];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = UUID.randomUUID();
        }
        List<String> lines = new ArrayList<>();
        try (PreparedStatement explain = c.prepareStatement("explain " + sql)) {
            explain.setArray(1, c.createArrayOf("uuid", requests));
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return lines;
    }
}
