package org.assistance.programservice.programmes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

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
    private final Duration lockTimeout;
    private final Duration statementTimeout;
    private final Duration idleTimeout;

    public RowLocks(EntityManager entityManager,
                    @ConfigProperty(name = "assistance.row-locks.lock-timeout", defaultValue = "5s") Duration lockTimeout,
                    @ConfigProperty(name = "assistance.row-locks.statement-timeout", defaultValue = "10s")
                    Duration statementTimeout,
                    @ConfigProperty(name = "assistance.row-locks.idle-timeout", defaultValue = "10s") Duration idleTimeout) {
        this.entityManager = entityManager;
        this.lockTimeout = lockTimeout;
        this.statementTimeout = statementTimeout;
        this.idleTimeout = idleTimeout;
    }

    /** Call first in a transaction that takes row locks. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bounded() {
        entityManager.createNativeQuery("select set_config('lock_timeout', ?1, true), "
                        + "set_config('statement_timeout', ?2, true), "
                        + "set_config('idle_in_transaction_session_timeout', ?3, true)")
                .setParameter(1, String.valueOf(lockTimeout.toMillis()))
                .setParameter(2, String.valueOf(statementTimeout.toMillis()))
                .setParameter(3, String.valueOf(idleTimeout.toMillis()))
                .getSingleResult();
    }
}
