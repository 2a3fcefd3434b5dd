package org.assistance.chassis.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Published by request-service on {@value Topics#REQUESTS} about a partner agency's webhook subscriptions. */
public final class WebhookEvents {
    private WebhookEvents() {}

    /**
     * {@code assistance.webhook.disabled.v1}: a partner's endpoint failed every delivery since
     * {@code failingSince}, longer than the platform waits, and receives nothing more. About a
     * subscription, not a request: keyed {@code webhook:<subscriptionId>}.
     */
    public record WebhookDisabled(
            UUID subscriptionId, String agencyId, String url, OffsetDateTime failingSince, OffsetDateTime disabledAt)
            implements AssistanceEvent {
        @Override
        public UUID requestId() {
            return null;
        }

        @Override
        public String aggregateId() {
            return "webhook:" + subscriptionId;
        }
    }
}
