package org.assistance.reportingservice.timelines;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.http.Cursor;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.security.TenantScope;

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
        entry.partnerSummary = TimelineSummary.forPartner(event.data());
        entry.persist();
        if (event.data() instanceof RequestSubmitted submitted
                && RequestOwner.findById(submitted.requestId()) == null) {
            RequestOwner owner = new RequestOwner();
            owner.requestId = submitted.requestId();
            owner.agencyId = submitted.agencyId();
            owner.persist();
        }
        return entry;
    }

    /** The most events one answer holds; a longer timeline continues on the next page. */
    public static final int PAGE_SIZE = 500;

    /** A page of a timeline; {@code next} is the cursor of the page after it, null on the last. */
    public record Page(List<TimelineEvent> events, String next) {}

    /**
     * The timeline as the caller may see it, from the cursor on: a partner only its own agency's
     * requests, and those in the partner's words (no internal money, no screening detail); staff
     * every request, whole.
     */
    public Page of(UUID requestId, TenantScope scope, String after) {
        boolean partner = scope.confinedToAgency();
        if (partner) {
            RequestOwner owner = RequestOwner.findById(requestId);
            if (owner == null || !scope.includesAgency(owner.agencyId)) {
                throw DomainRuleViolation.notFound("Request " + requestId);
            }
        }
        List<TimelineEntry> entries = after == null
                ? TimelineEntry.page(requestId, null, 0, PAGE_SIZE + 1)
                : TimelineEntry.page(requestId, afterTime(after), afterSeq(after), PAGE_SIZE + 1);
        if (entries.isEmpty() && (after == null || TimelineEntry.count("requestId", requestId) == 0)) {
            throw DomainRuleViolation.notFound("Request " + requestId);
        }
        boolean more = entries.size() > PAGE_SIZE;
        List<TimelineEntry> page = more ? entries.subList(0, PAGE_SIZE) : entries;
        TimelineEntry last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new Page(
                page.stream()
                        .map(e -> new TimelineEvent(
                                e.eventId,
                                e.eventType,
                                e.occurredAt,
                                e.source,
                                !partner
                                        ? e.summary
                                        : e.partnerSummary != null
                                                ? e.partnerSummary
                                                : TimelineSummary.kindOnly(e.eventType)))
                        .toList(),
                more ? Cursor.encode(last.occurredAt.toInstant(), last.seq) : null);
    }

    private static OffsetDateTime afterTime(String cursor) {
        try {
            OffsetDateTime time = Instant.parse(Cursor.decode(cursor, 2)[0]).atOffset(ZoneOffset.UTC);
            if (time.getYear() < 1 || time.getYear() > 9999) {
                throw new DateTimeParseException("beyond the database's calendar", cursor, 0);
            }
            return time;
        } catch (DateTimeException | InvalidInput e) { // unreadable, or beyond what a timestamp holds
            throw InvalidInput.field("after", "is not a cursor this timeline gave out");
        }
    }

    private static long afterSeq(String cursor) {
        try {
            return Long.parseLong(Cursor.decode(cursor, 2)[1]);
        } catch (NumberFormatException | InvalidInput e) {
            throw InvalidInput.field("after", "is not a cursor this timeline gave out");
        }
    }
}
