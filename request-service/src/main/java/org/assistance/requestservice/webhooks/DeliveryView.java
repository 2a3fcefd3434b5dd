package org.assistance.requestservice.webhooks;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "One notice to the endpoint and its attempts")
public record DeliveryView(
        @Schema(description = "Also the webhook-id header of every attempt")
        UUID id,

        @Schema(maxLength = 60, example = "request.status-changed")
        String event,

        UUID requestId,
        WebhookDelivery.Status status,
        @Schema(minimum = "0", maximum = "100000") int attempts,
        OffsetDateTime createdAt,

        @Schema(description = "When the next attempt is due; absent once delivered or given up")
        OffsetDateTime nextRetryAt,

        @Schema(
                minimum = "100",
                maximum = "599",
                description = "What the endpoint last answered; absent when it gave no answer")
        Integer lastStatusCode,

        @Schema(minimum = "0", maximum = "86400000") Long lastLatencyMs,
        OffsetDateTime deliveredAt,

        @Schema(maxItems = Webhooks.MAX_ATTEMPTS_SHOWN, description = "The latest attempts, oldest first")
        List<Attempt> attemptLog) {

    @Schema(name = "WebhookDeliveryAttempt")
    public record Attempt(
            @Schema(minimum = "1", maximum = "100000") int attempt,
            OffsetDateTime attemptedAt,

            @Schema(
                    minimum = "100",
                    maximum = "599",
                    description = "What the endpoint answered; absent when it gave no answer")
            Integer statusCode,

            @Schema(minimum = "0", maximum = "86400000") long latencyMs,
            @Schema(maxLength = DeliveryAttempt.MAX_ERROR) String error,
            OffsetDateTime nextRetryAt) {
        static Attempt of(DeliveryAttempt a) {
            return new Attempt(a.attempt, a.attemptedAt, a.statusCode, a.latencyMs, a.error, a.nextRetryAt);
        }
    }

    @Schema(name = "WebhookDeliveryPage")
    public record Page(
            @Schema(maxItems = Webhooks.MAX_PAGE) List<DeliveryView> items,

            @Schema(maxLength = 8_192, description = "The next page's URL; absent on the last page")
            String next) {}

    static DeliveryView of(WebhookDelivery d, List<DeliveryAttempt> attempts) {
        return new DeliveryView(
                d.id,
                d.eventType,
                d.requestId,
                d.status,
                d.attempts,
                d.createdAt,
                d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null,
                d.lastStatusCode,
                d.lastLatencyMs,
                d.deliveredAt,
                attempts.stream().map(Attempt::of).toList());
    }
}
