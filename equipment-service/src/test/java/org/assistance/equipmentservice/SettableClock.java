package org.assistance.equipmentservice;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The asset register's clock in tests: the system's, until a test makes "today" another day
 * (e.g. six months after a delivery); {@link #reset()} after each such test.
 */
@Alternative
@Priority(1)
@Singleton
public class SettableClock extends Clock {
    private volatile Clock current = Clock.systemUTC();

    /** Today is {@code day} (at noon, UTC) until reset. */
    public void today(LocalDate day) {
        current = Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    public void reset() {
        current = Clock.systemUTC();
    }

    @Override
    public ZoneId getZone() {
        return current.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return current.withZone(zone);
    }

    @Override
    public Instant instant() {
        return current.instant();
    }
}
