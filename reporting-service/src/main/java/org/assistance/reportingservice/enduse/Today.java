package org.assistance.reportingservice.enduse;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;

/** The day (UTC) end-use checks are counted to: by the system's clock, or one a test sets. */
@ApplicationScoped
public class Today {
    private final Clock clock;

    public Today() {
        this(Clock.systemUTC());
    }

    /** The day by {@code clock} (a test's fixed clock). */
    public Today(Clock clock) {
        this.clock = clock;
    }

    public LocalDate date() {
        return LocalDate.now(clock);
    }
}
