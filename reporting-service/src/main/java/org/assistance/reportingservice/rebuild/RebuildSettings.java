package org.assistance.reportingservice.rebuild;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "assistance.rebuild")
public interface RebuildSettings {
    /**
     * Records a replay fetches at most per poll, and so folds and writes in one transaction: the
     * larger, the fewer statements per event (each table is written once per poll), within the
     * service's small heap (one more poll waits decoded while one is written).
     */
    @WithDefault("5000")
    int pollRecords();

    /**
     * Requests whose rows a replay keeps in memory from poll to poll (the most recently folded):
     * one whose events come again later is then not read back from the tables. Some 8 KB each in
     * the heap: enough to spare most read-backs, few enough to leave the collector room.
     */
    @WithDefault("2500")
    int journeysKept();
}
