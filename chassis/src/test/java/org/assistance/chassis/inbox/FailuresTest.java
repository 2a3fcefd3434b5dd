package org.assistance.chassis.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.assistance.chassis.events.UnreadableEvent;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures are retried in place (they may pass) and which are dead-lettered (they will not). */
class FailuresTest {

    @Test
    void a_lost_database_connection_is_retried() {
        SQLException connection = new SQLException("connection refused", "08001");
        assertThat(Failures.isTransient(new PersistenceException(new JDBCConnectionException("lost", connection))))
                .isTrue();
        assertThat(Failures.isTransient(new RuntimeException(connection))).isTrue();
    }

    @Test
    void a_deadlock_or_serialization_failure_is_retried() {
        assertThat(Failures.isTransient(new SQLException("deadlock detected", "40P01")))
                .isTrue();
        assertThat(Failures.isTransient(new SQLException("could not serialize", "40001")))
                .isTrue();
    }

    @Test
    void a_database_shutting_down_is_retried() {
        assertThat(Failures.isTransient(new SQLException("terminating connection", "57P01")))
                .isTrue();
    }

    @Test
    void a_bad_event_or_a_broken_rule_is_not_retried() {
        assertThat(Failures.isTransient(new UnreadableEvent("no data"))).isFalse();
        assertThat(Failures.isTransient(new IllegalArgumentException("refused by the domain")))
                .isFalse();
        assertThat(Failures.isTransient(new SQLException("duplicate key", "23505")))
                .isFalse();
    }
}
