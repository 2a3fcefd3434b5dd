package org.assistance.requestservice.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.ids.TimeOrderedIds;

/**
 * What a partner agency is told about its requests, through its webhooks. Called by the feature
 * that makes the change, inside its transaction: the delivery rows commit (or roll back) with the
 * change, so a partner is never told of a change that did not happen, nor misses one that did.
 * The data is the partner's view of the change: never screening details, money or staff's notes.
 */
@ApplicationScoped
public class PartnerNotices {
    private final ObjectMapper json;

    public PartnerNotices(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Queues {@code type} with {@code data} for every active webhook of {@code agencyId} that wants
     * it. The payload is {@code {type, timestamp, data}}, with the request's id added to the data.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notify(String agencyId, UUID requestId, NoticeType type, Map<String, ?> data) {
        if (agencyId == null) {
            return;
        }
        List<WebhookSubscription> subscriptions = WebhookSubscription.getEntityManager()
                .createQuery("from WebhookSubscription where agencyId = ?1 and status = ?2", WebhookSubscription.class)
                .setParameter(1, agencyId)
                .setParameter(2, WebhookSubscription.Status.ACTIVE)
                // no change of a subscription shares a transaction with a notice: the query need not flush
                // the change's pending rows first (that dirty check was a ninth of a submission's CPU)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String payload = null;
        for (WebhookSubscription subscription : subscriptions) {
            if (!subscription.wants(type)) {
                continue;
            }
            if (payload == null) {
                payload = payload(type, requestId, data, now);
            }
            enqueue(subscription, requestId, type, payload, now);
        }
    }

    /** The same, naming the type by its wire name (e.g. {@code request.message-posted}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notify(String agencyId, UUID requestId, String type, Map<String, ?> data) {
        notify(
                agencyId,
                requestId,
                NoticeType.named(type)
                        .orElseThrow(() -> new IllegalArgumentException(type + " is not a partner notice type")),
                data);
    }

    static WebhookDelivery enqueue(
            WebhookSubscription subscription, UUID requestId, NoticeType type, String payload, OffsetDateTime now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = TimeOrderedIds.next();
        delivery.subscriptionId = subscription.id;
        delivery.requestId = requestId;
        delivery.eventType = type.wireName();
        delivery.payload = payload;
        delivery.status = WebhookDelivery.Status.PENDING;
        delivery.createdAt = now;
        delivery.nextAttemptAt = now;
        delivery.persist();
        return delivery;
    }

    String payload(NoticeType type, UUID requestId, Map<String, ?> data, OffsetDateTime now) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        body.putAll(data);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", type.wireName());
        envelope.put("timestamp", now);
        envelope.put("data", body);
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A notice's data is not JSON", e);
        }
    }
}
