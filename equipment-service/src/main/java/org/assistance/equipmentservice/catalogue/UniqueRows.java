package org.assistance.equipmentservice.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.texts.Text;

/** Rows whose key a client chooses: of two clients adding the same key at once, one is told it is taken. */
public final class UniqueRows {
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueRows() {}

    /** Inserts now (not at commit), so a key taken meanwhile is a 409 with this detail rather than a failed commit. */
    public static void insert(PanacheEntityBase row, Text takenDetail) {
        try {
            row.persistAndFlush();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    throw DomainRuleViolation.conflict(takenDetail);
                }
            }
            throw e;
        }
    }
}
