package org.assistance.programservice.programmes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Bounds how long one request can hold or wait for a row lock (a programme's funds, a review case,
 * an activity): it waits at most {@code lock-timeout} for a row another transaction holds, no
 * statement runs longer than {@code statement-timeout}, and a transaction silent towards the
 * database for longer than {@code idle-timeout} (stuck in its own computation) is ended by
 * PostgreSQL, which releases its locks. Set for the one transaction only (SET LOCAL): Flyway, the
 * outbox relay and the inbox keep the database's defaults.
 */
@ApplicationScoped
public class RowLocks {
    private final EntityManager entityManager;
    private final RowLockTimeouts timeouts;

    public RowLocks(EntityManager entityManager, RowLockTimeouts timeouts) {
        this.entityManager = entityManager;
        this.timeouts = timeouts;
    }

    /** Call first in a transaction that takes row locks. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bounded() {
        entityManager
                .createNativeQuery("select set_config('lock_timeout', ?1, true), "
                        + "set_config('statement_timeout', ?2, true), "
                        + "set_config('idle_in_transaction_session_timeout', ?3, true)")
                .setParameter(1, String.valueOf(timeouts.lockTimeout().toMillis()))
                .setParameter(2, String.valueOf(timeouts.statementTimeout().toMillis()))
                .setParameter(3, String.valueOf(timeouts.idleTimeout().toMillis()))
                .getSingleResult();
    }
}
