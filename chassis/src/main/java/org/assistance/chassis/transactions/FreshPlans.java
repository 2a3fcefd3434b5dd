package org.assistance.chassis.transactions;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.PGStatement;

/**
 * Plans made with the tables as they are now, not kept from an earlier execution. PostgreSQL keeps
 * a generic plan for a statement the driver has prepared on the server (from its fifth execution
 * on), and makes it again only when the table's statistics change: without autovacuum (our
 * machines') a plan made while a table was nearly empty stays a sequential scan for good. A read
 * by a list of keys ({@code = any(?)}) is where that bites, as the generic plan cannot know how
 * many keys will come. Issue 18: reporting-service's consumers, locking a poll's requests in
 * request_facts, read 3,500 rows of it per submission after 60,000 requests, and PostgreSQL took
 * more CPU than any service.
 */
public final class FreshPlans {
    /** The SQL call that plans the rest of the current transaction afresh, for a statement it runs anyway. */
    public static final String CALL = "set_config('plan_cache_mode', 'force_custom_plan', true)";

    private FreshPlans() {}

    /**
     * {@code statement} is never kept prepared on the server: each execution is planned with its
     * parameters and the tables as they are then (a fraction of a millisecond, once per poll).
     */
    public static PreparedStatement eachExecution(PreparedStatement statement) throws SQLException {
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }
}
