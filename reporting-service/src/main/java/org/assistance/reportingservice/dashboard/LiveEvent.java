package org.assistance.reportingservice.dashboard;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An event as the live dashboard shows it in its feed; a heartbeat keeps idle connections open. */
public record LiveEvent(String type, UUID requestId, OffsetDateTime time, String source, String summary) {
    static LiveEvent heartbeat() {
        return new LiveEvent("heartbeat", null, OffsetDateTime.now(), null, null);
    }
}
