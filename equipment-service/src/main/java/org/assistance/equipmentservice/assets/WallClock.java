package org.assistance.equipmentservice.assets;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * What "today" is for the asset register (when a check is overdue, whether a check date lies in
 * the future): the system's clock, which a test may replace with one it sets.
 */
@Dependent
public class WallClock {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
