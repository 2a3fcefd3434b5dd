package org.assistance.reportingservice.rebuild;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "assistance.rebuild")
public interface RebuildSettings {
    /** Transactions a replay applies at once (it waits on the database far more than it computes). */
    @WithDefault("4")
    int workers();
}
