package org.assistance.requestservice.requests;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The requests of all agencies and what may happen to them. Each change and its event are
 * written in one transaction (the event through the outbox).
 */
@ApplicationScoped
public class AssistanceRequests {
    private static final Logger LOG = Logger.getLogger(AssistanceRequests.class);
    private final Outbox outbox;

    public AssistanceRequests(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public AssistanceRequest submit(String agencyId, RequestDraft draft, String actor) {
        OffsetDateTime now = OffsetDateTime.now();
        AssistanceRequest request = AssistanceRequest.submit(agencyId, draft, now);
        request.persist();
        StatusChange.record(request.id, null, RequestStatus.SUBMITTED, now, actor, "submitted by the agency");
        outbox.record(request.submittedEvent());
        return request;
    }

    /** The request as its agency may see it; another agency's request does not exist for the caller. */
    public AssistanceRequest visibleTo(UUID id, String agencyOrNullForStaff) {
        AssistanceRequest request = AssistanceRequest.findById(id);
        if (request == null || (agencyOrNullForStaff != null && !request.agencyId.equals(agencyOrNullForStaff))) {
            throw DomainRuleViolation.notFound("Request " + id);
        }
        return request;
    }

    /** A status change reported by another service's event; a move the lifecycle refuses is logged, not applied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusReported(UUID id, RequestStatus target, OffsetDateTime at, String actor, String reason) {
        AssistanceRequest request = AssistanceRequest.findById(id);
        if (request == null) {
            LOG.warnf("Event about unknown request %s (%s); ignored", id, target);
            return;
        }
        if (request.status == target) {
            return;
        }
        RequestStatus from = request.status;
        if (request.moveTo(target, at)) {
            StatusChange.record(id, from, target, at, actor, reason);
        } else {
            LOG.infof("Request %s is %s; %s from %s not applied", id, from, target, actor);
        }
    }
}
