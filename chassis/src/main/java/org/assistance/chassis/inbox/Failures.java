package org.assistance.chassis.inbox;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a failure that may pass by itself (database away, lock conflict, Kafka unreachable)
 * from one that will fail again the same way (a bad event). Only the first kind is retried.
 */
public final class Failures {
    private Failures() {}

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof JDBCConnectionException
                    || t instanceof OptimisticLockException
                    || t instanceof StaleStateException
                    || t instanceof PessimisticLockException
                    || t instanceof LockTimeoutException
                    || t instanceof QueryTimeoutException
                    || t instanceof TimeoutException
                    || t instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // no state: the pool could not hand out a connection; 08 connection, 40 rollback
                // (serialization, deadlock), 53 resources, 57 operator intervention, 58 system
                if (state == null
                        || state.startsWith("08")
                        || state.startsWith("40")
                        || state.startsWith("53")
                        || state.startsWith("57")
                        || state.startsWith("58")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The transaction's commit failed (the handler itself had succeeded): the database went away while
     * committing, or something at commit time refused. Narayana reports it as a RollbackException or a
     * heuristic outcome that need not carry the database's own error.
     */
    static boolean isFailedCommit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.transaction.RollbackException
                    || t instanceof jakarta.transaction.HeuristicMixedException
                    || t instanceof jakarta.transaction.HeuristicRollbackException
                    || t instanceof jakarta.transaction.SystemException
                    || t instanceof javax.transaction.xa.XAException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
