package org.assistance.requestservice.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.events.WebhookEvents.WebhookDisabled;
import org.assistance.chassis.http.Cursor;
import org.assistance.chassis.ids.TimeOrderedIds;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.security.TenantScope;
import org.assistance.chassis.texts.Text;

/**
 * Partner agencies' webhook subscriptions and their delivery queue: what a partner may do with its
 * webhooks, and the rules of delivery (claiming due rows, retries with backoff, giving up,
 * disabling an endpoint that keeps failing). Every change of a subscription is audited (kind
 * {@code webhook}, its view without any secret), and every delivery outcome counted
 * ({@code assistance_webhook_deliveries_total} by {@code outcome}: delivered, failed, given-up).
 */
@ApplicationScoped
public class Webhooks {
    static final int MAX_URL = 2_048;
    static final int MAX_EVENTS = 20;
    static final int MAX_EVENT_NAME = 60;
    static final int MAX_DESCRIPTION = 500;
    /** Webhooks one agency may have: a few systems, each with a few endpoints. */
    static final int MAX_PER_AGENCY = 20;

    static final int MAX_PAGE = 100;
    static final int MAX_ATTEMPTS_SHOWN = 20;
    static final String AUDIT_KIND = "webhook";

    /** What became of a delivery attempt, as the metric counts it. */
    enum DeliveryOutcome {
        /** The endpoint answered 2xx. */
        DELIVERED,
        /** It failed; it is tried again later. */
        FAILED,
        /** It failed for the last time: past the retry window, or its endpoint was disabled. */
        GIVEN_UP;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Destinations destinations;
    private final WebhookSettings settings;
    private final PartnerNotices notices;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final AuditTrail audit;
    private final MeterRegistry metrics;

    public Webhooks(
            Destinations destinations,
            WebhookSettings settings,
            PartnerNotices notices,
            Outbox outbox,
            EntityManager entityManager,
            AuditTrail audit,
            MeterRegistry metrics) {
        this.destinations = destinations;
        this.settings = settings;
        this.notices = notices;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** A new subscription of the agency, with its secret (returned this once). */
    @Transactional
    public WebhookSecretView subscribe(String agencyId, WebhookDraft draft) {
        List<String> events = knownEvents(draft.events());
        URI url = acceptable(draft.url().strip());
        if (WebhookSubscription.count("agencyId", agencyId) >= MAX_PER_AGENCY) {
            throw DomainRuleViolation.conflict(Text.of("webhook.too-many", "agency", agencyId, "max", MAX_PER_AGENCY));
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = TimeOrderedIds.next();
        subscription.agencyId = agencyId;
        subscription.url = url.toString();
        subscription.events = events;
        subscription.description = draft.description() == null
                        || draft.description().isBlank()
                ? null
                : draft.description().strip();
        subscription.status = WebhookSubscription.Status.ACTIVE;
        subscription.secret = WebhookSignature.newSecret();
        subscription.createdAt = now();
        subscription.persist();
        audit.created(AUDIT_KIND, subscription.id, WebhookView.of(subscription));
        return new WebhookSecretView(WebhookView.of(subscription), subscription.secret, null);
    }

    private static List<String> knownEvents(List<String> requested) {
        LinkedHashSet<String> events = new LinkedHashSet<>();
        List<InvalidInput.Field> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String name = requested.get(i).strip();
            if (!name.equals(NoticeType.EVERY_TYPE) && NoticeType.named(name).isEmpty()) {
                errors.add(new InvalidInput.Field(
                        "events[" + i + "]", Text.of("webhook.event-unknown", "types", NoticeType.NAMES)));
            }
            events.add(name);
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        return events.contains(NoticeType.EVERY_TYPE) ? List.of(NoticeType.EVERY_TYPE) : List.copyOf(events);
    }

    private URI acceptable(String url) {
        try {
            URI uri = destinations.parse(url);
            destinations.check(uri);
            return uri;
        } catch (Destinations.Refused refused) {
            throw new DomainRuleViolation(
                    422, "webhook-url-refused", Text.of("webhook.url-refused", "reason", refused.reason()));
        }
    }

    /** The agency's webhooks, oldest first. */
    public List<WebhookSubscription> of(TenantScope scope) {
        if (scope.agency() == null) {
            return WebhookSubscription.list("order by createdAt, id");
        }
        return WebhookSubscription.list("agencyId = ?1 order by createdAt, id", scope.agency());
    }

    /** One webhook as the caller may see it; another agency's does not exist for it (404). */
    public WebhookSubscription visibleTo(UUID id, TenantScope scope) {
        WebhookSubscription subscription = WebhookSubscription.findById(id);
        if (subscription == null || !scope.includesAgency(subscription.agencyId)) {
            throw DomainRuleViolation.notFound(Text.of("webhook.not-found", "id", id.toString()));
        }
        return subscription;
    }

    /** Deletes the webhook and its queue: nothing more is sent to it. */
    @Transactional
    public void remove(UUID id, TenantScope scope) {
        WebhookSubscription subscription = visibleTo(id, scope);
        entityManager.lock(subscription, LockModeType.PESSIMISTIC_WRITE);
        WebhookView before = WebhookView.of(subscription);
        subscription.delete(); // its deliveries and their attempts go with it (on delete cascade)
        audit.removed(AUDIT_KIND, id, before);
    }

    /** A new secret; the old one keeps signing for the overlap, so the receiver switches without losing a delivery. */
    @Transactional
    public WebhookSecretView rotateSecret(UUID id, TenantScope scope) {
        WebhookSubscription subscription = visibleTo(id, scope);
        entityManager.lock(subscription, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime until = now().plus(settings.rotationOverlap());
        WebhookView before = WebhookView.of(subscription);
        String secret = subscription.rotate(until);
        // the views say when the old secret stops signing, never either secret
        audit.record(AUDIT_KIND, id, "secret-rotated", before, WebhookView.of(subscription));
        return new WebhookSecretView(WebhookView.of(subscription), secret, until);
    }

    /** Queues a {@code webhook.test} notice to this webhook alone. */
    @Transactional
    public WebhookDelivery test(UUID id, TenantScope scope) {
        WebhookSubscription subscription = requireActive(visibleTo(id, scope));
        OffsetDateTime now = now();
        String payload = notices.payload(
                NoticeType.WEBHOOK_TEST,
                null,
                Map.of("webhookId", subscription.id, "message", "A test notice sent on the agency's demand"),
                now);
        WebhookDelivery delivery = PartnerNotices.enqueue(subscription, null, NoticeType.WEBHOOK_TEST, payload, now);
        audit.record(AUDIT_KIND, id, "test-sent", null, DeliveryState.of(delivery));
        return delivery;
    }

    /** Sends a delivery again (delivered or given up), with the same webhook-id, retried again as a new one would be. */
    @Transactional
    public WebhookDelivery retry(UUID id, UUID deliveryId, TenantScope scope) {
        requireActive(visibleTo(id, scope));
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !delivery.subscriptionId.equals(id)) {
            throw DomainRuleViolation.notFound(
                    Text.of("webhook.delivery-not-found", "delivery", deliveryId.toString(), "id", id.toString()));
        }
        if (delivery.status == WebhookDelivery.Status.PENDING) {
            throw DomainRuleViolation.conflict(Text.of(
                    "webhook.delivery-pending",
                    "delivery",
                    deliveryId.toString(),
                    "at",
                    String.valueOf(delivery.nextAttemptAt)));
        }
        OffsetDateTime now = now();
        DeliveryState before = DeliveryState.of(delivery);
        delivery.status = WebhookDelivery.Status.PENDING;
        delivery.createdAt = now; // the retry window starts again
        delivery.nextAttemptAt = now;
        audit.record(AUDIT_KIND, id, "delivery-retried", before, DeliveryState.of(delivery));
        return delivery;
    }

    private static WebhookSubscription requireActive(WebhookSubscription subscription) {
        if (subscription.status != WebhookSubscription.Status.ACTIVE) {
            throw DomainRuleViolation.conflict(Text.of(
                    "webhook.not-active", "id", subscription.id.toString(), "status", subscription.status.name()));
        }
        return subscription;
    }

    /** A delivery as the audit trail shows it: which one and where it stands, not what it carries. */
    record DeliveryState(UUID delivery, WebhookDelivery.Status status, int attempts, OffsetDateTime nextAttemptAt) {
        static DeliveryState of(WebhookDelivery delivery) {
            return new DeliveryState(delivery.id, delivery.status, delivery.attempts, delivery.nextAttemptAt);
        }
    }

    /** A page of the webhook's delivery log. */
    public record LogPage(List<DeliveryView> items, String nextCursor) {}

    /** The webhook's deliveries, newest first, each with its latest attempts. */
    public LogPage deliveries(UUID id, TenantScope scope, int limit, String cursor) {
        visibleTo(id, scope);
        List<WebhookDelivery> rows;
        if (cursor == null) {
            rows = WebhookDelivery.find("subscriptionId = ?1 order by id desc", id)
                    .range(0, limit)
                    .list();
        } else {
            UUID after;
            try {
                after = UUID.fromString(Cursor.decode(cursor, 1)[0]);
            } catch (IllegalArgumentException e) {
                throw InvalidInput.field("cursor", Text.of("cursor.unknown"));
            }
            rows = WebhookDelivery.find("subscriptionId = ?1 and id < ?2 order by id desc", id, after)
                    .range(0, limit)
                    .list();
        }
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = Cursor.encode(rows.get(rows.size() - 1).id);
        }
        Map<UUID, List<DeliveryAttempt>> attempts = rows.isEmpty()
                ? Map.of()
                : DeliveryAttempt.<DeliveryAttempt>list(
                                "deliveryId in ?1 order by attempt",
                                rows.stream().map(r -> r.id).toList())
                        .stream()
                        .collect(Collectors.groupingBy(a -> a.deliveryId));
        List<DeliveryView> items = rows.stream()
                .map(r -> {
                    List<DeliveryAttempt> all = attempts.getOrDefault(r.id, List.of());
                    return DeliveryView.of(r, all.subList(Math.max(0, all.size() - MAX_ATTEMPTS_SHOWN), all.size()));
                })
                .toList();
        return new LogPage(items, next);
    }

    // ---- delivery -------------------------------------------------------------------------

    /** A delivery claimed for sending: what the sender needs, outside any transaction. */
    record Claimed(UUID deliveryId, int attempt, String url, List<String> secrets, String payload) {}

    /**
     * Claims due deliveries: pending, due, of an active webhook, and with no earlier pending
     * delivery of the same request to the same webhook (a request's notices arrive in order).
     * Rows another instance is claiming are skipped; a claimed row is not due again for the claim
     * time, so a crash mid-send leaves it to be sent again (same webhook-id) rather than lost.
     */
    @Transactional
    List<Claimed> claimDue(int limit) {
        OffsetDateTime now = now();
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager
                .createNativeQuery("""
                        select d.id from webhook_deliveries d
                        where d.status = 'PENDING' and d.next_attempt_at <= ?1
                          and exists (select 1 from webhook_subscriptions s
                                      where s.id = d.subscription_id and s.status = 'ACTIVE')
                          and not exists (select 1 from webhook_deliveries e
                                          where e.subscription_id = d.subscription_id
                                            and e.request_id = d.request_id
                                            and e.status = 'PENDING' and e.id < d.id)
                        order by d.next_attempt_at, d.id
                        limit ?2
                        for update of d skip locked""", UUID.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
        List<Claimed> claimed = new ArrayList<>(due.size());
        for (UUID id : due) {
            WebhookDelivery delivery = WebhookDelivery.findById(id);
            WebhookSubscription subscription = WebhookSubscription.findById(delivery.subscriptionId);
            delivery.attempts++;
            delivery.nextAttemptAt = now.plus(settings.claimFor());
            claimed.add(new Claimed(
                    delivery.id,
                    delivery.attempts,
                    subscription.url,
                    subscription.signingSecrets(now),
                    delivery.payload));
        }
        return claimed;
    }

    /** What one attempt gave: the endpoint's status code (null when none) and how long it took. */
    record Outcome(Integer statusCode, long latencyMs, String error) {
        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /**
     * Records an attempt. A 2xx delivers it; anything else schedules the next attempt with
     * exponential backoff and jitter, or gives up after the retry window. An endpoint failing for
     * longer than the failure window is disabled and its agency told (an event on the outbox).
     */
    @Transactional
    void recordOutcome(Claimed claimed, Outcome outcome) {
        WebhookDelivery unlocked = WebhookDelivery.findById(claimed.deliveryId());
        if (unlocked == null) {
            return; // the webhook was deleted meanwhile
        }
        // the subscription first, then the delivery: the order a deletion takes them (no deadlock)
        WebhookSubscription subscription =
                WebhookSubscription.findById(unlocked.subscriptionId, LockModeType.PESSIMISTIC_WRITE);
        WebhookDelivery delivery = subscription == null
                ? null
                : WebhookDelivery.findById(claimed.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            return;
        }
        entityManager.refresh(delivery); // as the lock found it
        OffsetDateTime now = now();
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.id = TimeOrderedIds.next();
        attempt.deliveryId = delivery.id;
        attempt.attempt = claimed.attempt();
        attempt.attemptedAt = now;
        attempt.statusCode = outcome.statusCode();
        attempt.latencyMs = outcome.latencyMs();
        attempt.error = outcome.error() == null || outcome.error().length() <= DeliveryAttempt.MAX_ERROR
                ? outcome.error()
                : outcome.error().substring(0, DeliveryAttempt.MAX_ERROR - 1) + "…";
        delivery.lastStatusCode = outcome.statusCode();
        delivery.lastLatencyMs = outcome.latencyMs();
        if (delivery.status != WebhookDelivery.Status.PENDING) {
            attempt.persist(); // e.g. given up meanwhile because the webhook was disabled
            return;
        }
        if (outcome.succeeded()) {
            delivery.status = WebhookDelivery.Status.DELIVERED;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            subscription.answered();
            attempt.persist();
            counted(DeliveryOutcome.DELIVERED, 1);
            return;
        }
        OffsetDateTime next = now.plus(backoff(claimed.attempt()));
        if (next.isAfter(delivery.createdAt.plus(settings.retryFor()))) {
            delivery.status = WebhookDelivery.Status.FAILED;
            delivery.nextAttemptAt = null;
            counted(DeliveryOutcome.GIVEN_UP, 1);
        } else {
            delivery.nextAttemptAt = next;
            attempt.nextRetryAt = next;
            counted(DeliveryOutcome.FAILED, 1);
        }
        attempt.persist();
        if (subscription.status == WebhookSubscription.Status.ACTIVE
                && subscription.failedAt(now, settings.disableAfter())) {
            disable(subscription, now);
        }
    }

    private void disable(WebhookSubscription subscription, OffsetDateTime now) {
        WebhookView before = WebhookView.of(subscription);
        subscription.disable(now);
        // by the platform (actor system): the endpoint failed for longer than the failure window
        audit.record(AUDIT_KIND, subscription.id, "disabled", before, WebhookView.of(subscription));
        // nothing more is sent to it: what waited is given up (the log shows it; retry after subscribing again)
        int givenUp = WebhookDelivery.update(
                "status = ?1, nextAttemptAt = null where subscriptionId = ?2 and status = ?3",
                WebhookDelivery.Status.FAILED,
                subscription.id,
                WebhookDelivery.Status.PENDING);
        counted(DeliveryOutcome.GIVEN_UP, givenUp);
        outbox.record(new WebhookDisabled(
                subscription.id, subscription.agencyId, subscription.url, subscription.failingSince, now));
    }

    private void counted(DeliveryOutcome outcome, int deliveries) {
        if (deliveries > 0) {
            Counter.builder("assistance.webhook.deliveries")
                    .description("Webhook delivery attempts by outcome: delivered, failed (tried again later), "
                            + "given-up (failed for the last time, or its endpoint was disabled)")
                    .tag("outcome", outcome.label())
                    .register(metrics)
                    .increment(deliveries);
        }
    }

    /** The wait before attempt {@code n + 1}: doubling from the first wait up to the longest, less up to a half at random. */
    java.time.Duration backoff(int attempt) {
        long first = settings.firstRetryAfter().toMillis();
        long longest = settings.longestWait().toMillis();
        long wait = first << Math.min(attempt - 1, 30);
        if (wait <= 0 || wait > longest) {
            wait = longest;
        }
        // jitter: endpoints that failed together are not all retried at the same moment
        long jittered = wait / 2 + ThreadLocalRandom.current().nextLong(wait / 2 + 1);
        return java.time.Duration.ofMillis(jittered);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
