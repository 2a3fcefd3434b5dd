package org.assistance.requestservice.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.catalogue.CatalogueCopy;
import org.assistance.chassis.events.RequestEvents.RequestCancelled;
import org.assistance.chassis.events.RequestEvents.RequestClosed;
import org.assistance.chassis.events.RequestEvents.RequestDelivered;
import org.assistance.chassis.events.RequestEvents.RequestDeliveryStarted;
import org.assistance.chassis.events.RequestEvents.RequestWithdrawn;
import org.assistance.chassis.events.Values.Deliverable;
import org.assistance.chassis.http.EntityTags;
import org.assistance.chassis.http.JsonMergePatch;
import org.assistance.chassis.ids.TimeOrderedIds;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.security.TenantScope;
import org.assistance.chassis.texts.Text;
import org.assistance.requestservice.webhooks.NoticeType;
import org.assistance.requestservice.webhooks.PartnerNotices;
import org.jboss.logging.Logger;

/**
 * The requests of all agencies and what may happen to them. Each change and its event are
 * written in one transaction (the event through the outbox).
 */
@ApplicationScoped
public class AssistanceRequests {
    private static final Logger LOG = Logger.getLogger(AssistanceRequests.class);
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Validator validator;
    private final CatalogueCopy catalogue;
    private final PartnerNotices notices;
    private final StatedPriorities priorities;

    public AssistanceRequests(
            Outbox outbox,
            EntityManager entityManager,
            ObjectMapper json,
            Validator validator,
            CatalogueCopy catalogue,
            PartnerNotices notices,
            StatedPriorities priorities) {
        this.notices = notices;
        this.priorities = priorities;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.json = json;
        this.validator = validator;
        this.catalogue = catalogue;
    }

    /** A submission's outcome: the request, and whether this call created it or replayed an earlier one. */
    public record Submission(AssistanceRequest request, boolean replayed) {}

    /**
     * Submits a request. With an idempotency key, the same key and body give back the request
     * the first call created (nothing new is written); the same key with another body is refused.
     */
    @Transactional
    public Submission submit(String agencyId, RequestDraft draft, String actor, String idempotencyKey) {
        // the id is made here, so the key's row names the request at once (no update later)
        UUID id = TimeOrderedIds.next();
        if (idempotencyKey != null) {
            String fingerprint = fingerprint(draft);
            // the key's row is taken first: a concurrent call with the same key waits here
            int claimed = entityManager
                    .createNativeQuery("""
                            insert into idempotency_keys (agency_id, idempotency_key, fingerprint, request_id, created_at)
                            values (?1, ?2, ?3, ?4, now()) on conflict do nothing""")
                    .setParameter(1, agencyId)
                    .setParameter(2, idempotencyKey)
                    .setParameter(3, fingerprint)
                    .setParameter(4, id)
                    .executeUpdate();
            if (claimed == 0) {
                return replay(agencyId, idempotencyKey, fingerprint);
            }
        }
        requirePriorityOfCountry(draft);
        OffsetDateTime now = OffsetDateTime.now();
        AssistanceRequest request = AssistanceRequest.submit(id, agencyId, draft, now, catalogue);
        request.persist();
        recordChange(request, null, RequestStatus.SUBMITTED, now, actor, "submitted by the agency");
        // a new request: its rows and its event go to the database together at commit
        outbox.recordFirst(request.submittedEvent());
        return new Submission(request, false);
    }

    private Submission replay(String agencyId, String key, String fingerprint) {
        Object[] earlier = (Object[]) entityManager
                .createNativeQuery(
                        "select fingerprint, request_id from idempotency_keys where agency_id = ?1 and idempotency_key = ?2")
                .setParameter(1, agencyId)
                .setParameter(2, key)
                .getSingleResult();
        if (!fingerprint.equals(earlier[0])) {
            throw new DomainRuleViolation(
                    422, "idempotency-key-reused", Text.of("request.idempotency-key-reused", "key", key));
        }
        return new Submission(AssistanceRequest.findById(earlier[1]), true);
    }

    /**
     * A request names a national priority of its own country only: one of another State (or none
     * at all) is refused with 422 naming priorityId.
     */
    private void requirePriorityOfCountry(RequestDraft draft) {
        if (draft.priorityId() == null) {
            return;
        }
        if (!priorities
                .countryOf(draft.priorityId())
                .map(draft.country()::equals)
                .orElse(false)) {
            throw new PriorityNotOfCountry(draft.priorityId(), draft.country());
        }
    }

    /**
     * The request as the caller may see it; another agency's request does not exist for a partner,
     * nor another State's for a focal point.
     */
    public AssistanceRequest visibleTo(UUID id, TenantScope scope) {
        AssistanceRequest request = AssistanceRequest.findById(id);
        if (request == null || !scope.includesRequest(request.agencyId, request.country)) {
            throw DomainRuleViolation.notFound(Text.of("request.not-found", "id", id.toString()));
        }
        return request;
    }

    /**
     * The request as the caller may see it, locked until the transaction ends: a message posted
     * on it and a decision arriving from program-service never both decide on a stale status.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AssistanceRequest lockedFor(UUID id, TenantScope scope) {
        AssistanceRequest request = AssistanceRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || !scope.includesRequest(request.agencyId, request.country)) {
            throw DomainRuleViolation.notFound(Text.of("request.not-found", "id", id.toString()));
        }
        return request;
    }

    /**
     * The agency answered the programme's request for information in a message of the request's
     * conversation (the request locked by {@link #lockedFor}): back UNDER_REVIEW, in the history.
     * Returns whether the request was waiting on that answer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean informationAnswered(AssistanceRequest request, OffsetDateTime at, String actor) {
        RequestStatus before = request.status;
        if (!request.answerInformationRequest(at)) {
            return false;
        }
        recordChange(request, before, request.status, at, actor, "answered the requested information in a message");
        return true;
    }

    /** Applies a JSON merge patch to the agency's own request, if it still is at the version the agency read. */
    @Transactional
    public AssistanceRequest amend(UUID id, String agencyId, long expectedVersion, JsonNode patch, String actor) {
        AssistanceRequest request = visibleTo(id, TenantScope.ofAgency(agencyId));
        if (request.version != expectedVersion) {
            throw EntityTags.stale();
        }
        RequestDraft amended = merged(request, patch);
        requirePriorityOfCountry(amended);
        OffsetDateTime now = OffsetDateTime.now();
        RequestStatus before = request.status;
        RequestStatus after = request.amend(amended, now, catalogue);
        if (after != before) {
            recordChange(request, before, after, now, actor, "amended with the requested information");
        }
        entityManager.flush(); // the new version goes into the event
        outbox.record(request.amendedEvent());
        return request;
    }

    private RequestDraft merged(AssistanceRequest request, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw InvalidInput.field("body", Text.of("request.merge-patch-not-object"));
        }
        JsonNode current = json.valueToTree(RequestDraft.of(request));
        RequestDraft draft;
        try {
            draft = json.treeToValue(JsonMergePatch.apply(current, patch), RequestDraft.class);
        } catch (IOException e) {
            throw new jakarta.ws.rs.BadRequestException(e.getMessage(), e); // mapped like any unreadable body
        }
        Set<ConstraintViolation<RequestDraft>> violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return draft;
    }

    /**
     * The State's focal point endorses a request of its State or declines to (another State's does
     * not exist for it). The request is locked, so a decision arriving from program-service at the
     * same moment is not missed; the endorsement's event and the agency's webhook notice go in the
     * same transaction.
     */
    @Transactional
    public AssistanceRequest endorse(UUID id, TenantScope scope, Endorsement endorsement, String focalPoint) {
        AssistanceRequest request = lockedFor(id, scope);
        OffsetDateTime now = OffsetDateTime.now();
        request.endorse(endorsement, focalPoint, now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decision", request.endorsementDecision);
        data.put("reference", request.endorsementReference);
        data.put("comment", request.endorsementComment);
        data.put("at", now);
        notices.notify(request.agencyId, id, NoticeType.REQUEST_ENDORSEMENT_RECORDED, data);
        outbox.record(request.endorsementEvent());
        return request;
    }

    @Transactional
    public AssistanceRequest withdraw(UUID id, String agencyId, String reason, String actor) {
        AssistanceRequest request = visibleTo(id, TenantScope.ofAgency(agencyId));
        RequestStatus before = request.status;
        OffsetDateTime now = OffsetDateTime.now();
        request.withdraw(now);
        recordChange(
                request,
                before,
                RequestStatus.WITHDRAWN,
                now,
                actor,
                reason == null || reason.isBlank() ? "withdrawn by the agency" : reason);
        outbox.record(new RequestWithdrawn(id, request.agencyId, reason, now));
        return request;
    }

    /**
     * A status change reported by another service's event; a move the lifecycle refuses is logged,
     * not applied. True when the request moved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean statusReported(UUID id, RequestStatus target, OffsetDateTime at, String actor, String reason) {
        // decisions and deliveries arrive on two topics, handled concurrently: the row lock makes
        // each handler see the other's committed move instead of both deciding on a stale status
        AssistanceRequest request = AssistanceRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            LOG.warnf("Event about unknown request %s (%s); ignored", id, target);
            return false;
        }
        if (request.status == target) {
            return false;
        }
        RequestStatus from = request.status;
        if (request.moveTo(target, at)) {
            recordChange(request, from, target, at, actor, reason);
            return true;
        }
        LOG.infof("Request %s is %s; %s from %s not applied", id, from, target, actor);
        return false;
    }

    /** The reviewer's questions: the request waits on the agency's answers, which its webhooks are told. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void informationRequested(UUID id, List<String> questions, OffsetDateTime at, String actor) {
        if (statusReported(id, RequestStatus.INFORMATION_REQUESTED, at, actor, String.join(" / ", questions))) {
            AssistanceRequest request = AssistanceRequest.findById(id);
            notices.notify(
                    request.agencyId,
                    id,
                    NoticeType.REQUEST_INFORMATION_REQUESTED,
                    Map.of("questions", questions, "requestedAt", at));
        }
    }

    /** One move in the history, and the agency's webhooks told of it, in the transaction that made it. */
    private void recordChange(
            AssistanceRequest request,
            RequestStatus from,
            RequestStatus to,
            OffsetDateTime at,
            String actor,
            String reason) {
        StatusChange.record(request.id, from, to, at, actor, reason);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", from);
        data.put("to", to);
        data.put("changedAt", at);
        data.put("reason", reason);
        notices.notify(request.agencyId, request.id, NoticeType.REQUEST_STATUS_CHANGED, data);
    }

    /**
     * The request, locked for a change of its delivery: deliverables of one request change from
     * two topics at once (reviews and shipments), and this lock makes one wait for the other.
     * Null when request-service never had the request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AssistanceRequest lockedForDelivery(UUID id) {
        AssistanceRequest request = AssistanceRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            LOG.warnf("Delivery event about unknown request %s; ignored", id);
        }
        return request;
    }

    /**
     * Moves the (locked) request as far as its deliverables imply, recording each step in the
     * history and publishing it: RequestDeliveryStarted, RequestDelivered or RequestCancelled.
     * Each is published once, since each status is entered once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deliveryReached(
            AssistanceRequest request,
            RequestStatus implied,
            String startedBy,
            List<Deliverable> deliverables,
            OffsetDateTime at,
            String actor,
            String reason) {
        RequestStatus from = request.status;
        for (RequestStatus reached : request.followDelivery(implied, at)) {
            OffsetDateTime when = request.updatedAt;
            recordChange(request, from, reached, when, actor, reason);
            from = reached;
            switch (reached) {
                case IN_DELIVERY ->
                    outbox.record(new RequestDeliveryStarted(request.id, request.agencyId, startedBy, when));
                case DELIVERED -> outbox.record(new RequestDelivered(request.id, request.agencyId, deliverables, when));
                case CANCELLED -> outbox.record(new RequestCancelled(request.id, request.agencyId, deliverables, when));
                default -> throw new IllegalStateException(reached + " is not a delivery status");
            }
        }
    }

    /** The partner confirms completion of its delivered request, with a rating and a comment for donors. */
    @Transactional
    public AssistanceRequest complete(UUID id, String agencyId, int satisfaction, String comment, String actor) {
        // read locked, not read and then locked (the lock's version check failed when another change
        // committed in between, and the partner was told "changed concurrently", not what the request is now)
        AssistanceRequest request = lockedFor(id, TenantScope.ofAgency(agencyId));
        OffsetDateTime now = OffsetDateTime.now();
        request.complete(satisfaction, comment, now);
        recordChange(
                request,
                RequestStatus.DELIVERED,
                RequestStatus.CLOSED,
                now,
                actor,
                "completion confirmed by the agency (satisfaction " + satisfaction + "/5)");
        notices.notify(
                request.agencyId, id, NoticeType.REQUEST_CLOSED, Map.of("closedAt", now, "closedAutomatically", false));
        outbox.record(
                new RequestClosed(id, request.agencyId, request.satisfaction, request.completionComment, false, now));
        return request;
    }

    /**
     * Closes requests delivered at or before {@code cutoff} that the partner did not close, at
     * most {@code limit} per call. Safe with several instances: rows another instance is closing
     * are skipped (skip locked), and a request already closed is no longer DELIVERED.
     */
    @Transactional
    public int closeDeliveredBefore(OffsetDateTime cutoff, Duration after, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager
                .createNativeQuery("""
                        select id from assistance_requests
                        where status = 'DELIVERED' and delivered_at <= ?1
                        order by delivered_at limit ?2 for update skip locked""", UUID.class)
                .setParameter(1, cutoff)
                .setParameter(2, limit)
                .getResultList();
        OffsetDateTime now = OffsetDateTime.now();
        int closed = 0;
        for (UUID id : due) {
            AssistanceRequest request = AssistanceRequest.findById(id);
            if (request.closeAutomatically(now)) {
                recordChange(
                        request,
                        RequestStatus.DELIVERED,
                        RequestStatus.CLOSED,
                        now,
                        "request-service",
                        "closed automatically " + after + " after delivery without the agency's confirmation");
                notices.notify(
                        request.agencyId,
                        id,
                        NoticeType.REQUEST_CLOSED,
                        Map.of("closedAt", now, "closedAutomatically", true));
                outbox.record(new RequestClosed(id, request.agencyId, null, null, true, now));
                closed++;
            }
        }
        return closed;
    }

    public List<StatusChange> history(UUID id, TenantScope scope) {
        visibleTo(id, scope);
        return StatusChange.of(id);
    }

    private String fingerprint(RequestDraft draft) {
        try {
            byte[] canonical = json.writeValueAsString(draft.canonical()).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
