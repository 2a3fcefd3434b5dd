package org.assistance.chassis.transactions;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plans made for the current transaction's statements with the tables as they are now, not kept
 * from an earlier execution. PostgreSQL keeps a generic plan for a prepared statement once it has
 * run it a few times, and makes it again only when the table's statistics change: without
 * autovacuum (our machines') a plan made while a table was nearly empty stays a sequential scan
 * for good, and every read by key then reads the whole table. Issue 18: reporting-service's
 * consumers, reading their requests' facts by key in each poll, read 3,500 rows of request_facts
 * per submission after 60,000 requests, and PostgreSQL took more CPU than any service. The cost is
 * planning each statement: a consumer's transaction holds a poll's events, and the outbox relay's a
 * batch, so a few statements per poll.
 */
public final class FreshPlans {
    /** The SQL call that sets it for the current transaction, to put in a statement the transaction runs anyway. */
    public static final String CALL = "set_config('plan_cache_mode', 'force_custom_plan', true)";

    private FreshPlans() {}

    /** In the current transaction of {@code connection} (not auto-commit), from now until it ends. */
    public static void forThisTransaction(Connection connection) throws SQLException {
        try (Statement set = connection.createStatement()) {
            set.execute("select " + CALL);
        }
    }
}
