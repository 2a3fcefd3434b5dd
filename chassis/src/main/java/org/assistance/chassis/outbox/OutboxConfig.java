package org.assistance.chassis.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "assistance.outbox")
public interface OutboxConfig {

    /** Whether this instance runs a relay. Every instance may: a database lock lets one publish at a time. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows published per transaction. */
    @WithDefault("500")
    int batchSize();

    /**
     * How often the relay looks at the table when no commit woke it: it catches up on rows
     * committed by another instance or left by a crash. Commits of this instance wake it at once.
     */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** How long the note of a published event (outbox_published) is kept before being purged. */
    @WithDefault("P7D")
    Duration retention();

    /** Longest wait between attempts while Kafka is away. */
    @WithDefault("PT10S")
    Duration maxBackoff();

    /**
     * The largest event payload a change may record, in bytes: below the producer's
     * max.request.size (1 MiB) with room for the key and the CloudEvents headers.
     */
    @WithDefault("900000")
    int maxEventBytes();
}
