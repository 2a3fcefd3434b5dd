package org.assistance.reportingservice.timelines;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.problems.DomainRuleViolation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Every request's story, built only from the events of all services. */
@ApplicationScoped
public class Timelines {

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry record(CloudEvent<AssistanceEvent> event) {
        TimelineEntry entry = new TimelineEntry();
        entry.eventId = event.id();
        entry.requestId = event.data().requestId();
        entry.eventType = event.type().typeName();
        entry.source = event.source();
        entry.occurredAt = event.time() != null ? event.time() : OffsetDateTime.now();
        entry.summary = TimelineSummary.of(event.data());
        entry.persist();
        if (event.data() instanceof RequestSubmitted submitted && RequestOwner.findById(submitted.requestId()) == null) {
            RequestOwner owner = new RequestOwner();
            owner.requestId = submitted.requestId();
            owner.agencyId = submitted.agencyId();
            owner.persist();
        }
        return entry;
    }

    /** The timeline as the caller may see it: a partner only its own agency's requests. */
    public List<TimelineEntry> of(UUID requestId, String agencyOrNullForStaff) {
        if (agencyOrNullForStaff != null) {
            RequestOwner owner = RequestOwner.findById(requestId);
            if (owner == null || !owner.agencyId.equals(agencyOrNullForStaff)) {
                throw DomainRuleViolation.notFound("Request " + requestId);
            }
        }
        List<TimelineEntry> entries = TimelineEntry.of(requestId);
        if (entries.isEmpty()) {
            throw DomainRuleViolation.notFound("Request " + requestId);
        }
        return entries;
    }
}
