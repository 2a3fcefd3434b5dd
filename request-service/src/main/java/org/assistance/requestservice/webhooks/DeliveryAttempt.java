package org.assistance.requestservice.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One try at a delivery, for the partner's delivery log: when, what the endpoint answered, how fast. */
@Entity
@Table(name = "webhook_delivery_attempts")
public class DeliveryAttempt extends PanacheEntityBase {
    static final int MAX_ERROR = 500;

    @Id
    public UUID id;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    public int attempt;

    @Column(name = "attempted_at")
    public OffsetDateTime attemptedAt;

    /** The HTTP status the endpoint answered; null when it gave none (refused address, timeout, no connection). */
    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "latency_ms")
    public long latencyMs;

    public String error;

    @Column(name = "next_retry_at")
    public OffsetDateTime nextRetryAt;
}
