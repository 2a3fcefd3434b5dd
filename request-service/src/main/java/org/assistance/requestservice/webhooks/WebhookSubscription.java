package org.assistance.requestservice.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** A partner agency's endpoint, the notices it wants and the secret its deliveries are signed with. */
@Entity
@Table(name = "webhook_subscriptions")
public class WebhookSubscription extends PanacheEntityBase {
    public enum Status {
        ACTIVE,
        /** Failed every delivery for longer than the platform waits: receives nothing more. */
        DISABLED
    }

    @Id
    public UUID id;

    @Column(name = "agency_id")
    public String agencyId;

    public String url;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> events;

    public String description;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public OffsetDateTime previousSecretUntil;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** Since when every delivery failed; null while the endpoint answers. */
    @Column(name = "failing_since")
    public OffsetDateTime failingSince;

    @Column(name = "disabled_at")
    public OffsetDateTime disabledAt;

    boolean wants(NoticeType type) {
        return status == Status.ACTIVE && (events.contains(NoticeType.EVERY_TYPE) || events.contains(type.wireName()));
    }

    /** The secrets that sign a delivery made at {@code now}: the current one, and the replaced one during its overlap. */
    List<String> signingSecrets(OffsetDateTime now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(secret);
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** A new secret; the old one keeps signing until {@code until}, so the receiver can switch without losing a delivery. */
    String rotate(OffsetDateTime until) {
        previousSecret = secret;
        previousSecretUntil = until;
        secret = WebhookSignature.newSecret();
        return secret;
    }

    /** A delivery failed at {@code now}: true when the endpoint has now failed for longer than {@code window}. */
    boolean failedAt(OffsetDateTime now, java.time.Duration window) {
        if (failingSince == null) {
            failingSince = now;
            return false;
        }
        return !failingSince.isAfter(now.minus(window));
    }

    void answered() {
        failingSince = null;
    }

    void disable(OffsetDateTime now) {
        status = Status.DISABLED;
        disabledAt = now;
    }
}
