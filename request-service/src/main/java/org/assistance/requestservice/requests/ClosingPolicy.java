package org.assistance.requestservice.requests;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When a delivered request the agency never confirmed is closed for it ({@code assistance.requests.*}). */
@ConfigMapping(prefix = "assistance.requests")
public interface ClosingPolicy {

    /** How long after delivery a request the agency did not close is closed automatically. */
    @WithDefault("P60D")
    Duration autoCloseAfter();

    /**
     * How often every instance looks for such requests; {@link AutomaticClosing}'s schedule reads
     * the same key (a schedule takes its interval from configuration, not from a bean).
     */
    @WithDefault("5m")
    String autoCloseCheckEvery();
}
