package org.assistance.requestservice.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One notice to one endpoint: a row of the durable queue. Its id is the {@code webhook-id} of every
 * attempt, so the receiver can tell a retry from a new notice; the payload is fixed when the row is
 * written, so every attempt sends (and signs) the same bytes.
 */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery extends PanacheEntityBase {
    public enum Status {
        PENDING,
        DELIVERED,
        /** Given up: retried for the whole retry window, or its endpoint was disabled. */
        FAILED
    }

    @Id
    public UUID id;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    /** The request it is about (deliveries of one request reach the endpoint in order); null for a test. */
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "event_type")
    public String eventType;

    public String payload;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_latency_ms")
    public Long lastLatencyMs;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;
}
