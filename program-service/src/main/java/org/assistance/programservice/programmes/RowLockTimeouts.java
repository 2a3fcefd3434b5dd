package org.assistance.programservice.programmes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long one transaction may hold or wait for row locks ({@code assistance.row-locks.*}); see {@link RowLocks}. */
@ConfigMapping(prefix = "assistance.row-locks")
public interface RowLockTimeouts {

    /** The longest wait for a row another transaction holds (then 409 with Retry-After). */
    @WithDefault("5s")
    Duration lockTimeout();

    /** The longest any one statement runs. */
    @WithDefault("10s")
    Duration statementTimeout();

    /** The longest a transaction may stay silent towards the database before PostgreSQL ends it. */
    @WithDefault("10s")
    Duration idleTimeout();
}
