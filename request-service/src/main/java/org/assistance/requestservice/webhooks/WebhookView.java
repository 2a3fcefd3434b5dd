package org.assistance.requestservice.webhooks;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Webhook", description = "A webhook subscription (its secret is shown only when made or rotated)")
public record WebhookView(
        UUID id,
        @Schema(maxLength = Webhooks.MAX_URL) String url,

        @Schema(maxItems = Webhooks.MAX_EVENTS)
        List<@jakarta.validation.constraints.Size(max = Webhooks.MAX_EVENT_NAME) String> events,

        @Schema(maxLength = Webhooks.MAX_DESCRIPTION) String description,

        @Schema(description = "DISABLED once the endpoint failed every delivery for the failure window (3 days)")
        WebhookSubscription.Status status,

        OffsetDateTime createdAt,

        @Schema(description = "Since when every delivery failed; absent while the endpoint answers")
        OffsetDateTime failingSince,

        OffsetDateTime disabledAt,

        @Schema(description = "Until when the secret replaced by the last rotation still signs")
        OffsetDateTime previousSecretValidUntil) {

    static WebhookView of(WebhookSubscription s) {
        return new WebhookView(
                s.id,
                s.url,
                s.events,
                s.description,
                s.status,
                s.createdAt,
                s.failingSince,
                s.disabledAt,
                s.previousSecret == null ? null : s.previousSecretUntil);
    }
}
