package org.assistance.reportingservice.rebuild;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "assistance.rebuild")
public interface RebuildSettings {
    /**
     * Records a replay fetches at most per poll, and so folds and writes in one transaction: the
     * larger, the fewer statements per event (each table is written once per poll), within the
     * service's small heap (a few polls wait decoded while one is written).
     */
    @WithDefault("5000")
    int pollRecords();

    /**
     * Requests whose rows a replay keeps in memory from poll to poll (the most recently folded):
     * one whose events come again later is then not read back from the tables. A few kilobytes each.
     */
    @WithDefault("10000")
    int journeysKept();
}
