package org.assistance.reportingservice.timelines;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.http.Cursor;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.security.TenantScope;
import org.assistance.chassis.texts.Text;
import org.assistance.reportingservice.readmodels.ManyRows;

/** Every request's story, built only from the events of all services. */
@ApplicationScoped
public class Timelines {

    /** The event as a line of its request's timeline (not written yet: see {@link #write}). */
    public static TimelineEntry entryOf(CloudEvent<AssistanceEvent> event) {
        TimelineEntry entry = new TimelineEntry();
        entry.eventId = event.id();
        entry.requestId = event.data().requestId();
        entry.eventType = event.type().typeName();
        entry.source = event.source();
        entry.occurredAt = event.time() != null ? event.time() : OffsetDateTime.now();
        describe(entry, TimelineSummary.of(event.data()), TimelineSummary.forPartner(event.data()));
        return entry;
    }

    /**
     * Sets what the line says: for staff and for the partner ({@code partner} null: the partner has
     * no line of it), as words to put into each reader's language, and in English.
     */
    public static void describe(TimelineEntry entry, Text staff, Text partner) {
        entry.summary = TimelineSummary.english(staff);
        entry.summaryText = TimelineTexts.json(staff);
        entry.partnerSummary = partner == null ? null : TimelineSummary.english(partner);
        entry.partnerSummaryText = partner == null || partner.equals(staff) ? null : TimelineTexts.json(partner);
    }

    /**
     * Writes timeline lines, in one statement, and the owners that submissions among {@code events}
     * name (the first one known stays). {@code copy}: with COPY, into a rebuild's staging table that
     * has no index yet.
     */
    public static void write(
            Connection connection, List<TimelineEntry> entries, List<CloudEvent<AssistanceEvent>> events, boolean copy)
            throws SQLException {
        ManyRows lines = ManyRows.of(
                "timeline_entries",
                "event_id uuid",
                "request_id uuid",
                "event_type",
                "source",
                "occurred_at timestamptz",
                "summary",
                "partner_summary",
                "summary_text jsonb",
                "partner_summary_text jsonb");
        for (TimelineEntry e : entries) {
            lines.add(
                    e.eventId,
                    e.requestId,
                    e.eventType,
                    e.source,
                    e.occurredAt,
                    e.summary,
                    e.partnerSummary,
                    e.summaryText,
                    e.partnerSummaryText);
        }
        if (copy) {
            lines.copy(connection);
        } else {
            lines.insert(connection);
        }
        ManyRows owners = ManyRows.of("request_owners", "request_id uuid", "agency_id");
        Set<UUID> named = new HashSet<>();
        for (CloudEvent<AssistanceEvent> event : events) {
            if (event.data() instanceof RequestSubmitted submitted && named.add(submitted.requestId())) {
                owners.add(submitted.requestId(), submitted.agencyId());
            }
        }
        owners.insertNew(connection);
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
    public Page of(UUID requestId, TenantScope scope, String after, Locale language) {
        if (scope.confinedToAgency()) {
            RequestOwner owner = RequestOwner.findById(requestId);
            if (owner == null || !scope.includesAgency(owner.agencyId)) {
                throw DomainRuleViolation.notFound(Text.of("request.not-found", "request", requestId.toString()));
            }
        }
        if (scope.confinedToCountry() && !scope.includesCountry(countryOf(requestId))) {
            // a State's focal point reads its State's requests only; another's does not exist for it
            throw DomainRuleViolation.notFound(Text.of("request.not-found", "request", requestId.toString()));
        }
        // outside the platform's staff (a partner, a State's focal point): the partner's words
        boolean partner = scope.confinedToAgency() || scope.confinedToCountry();
        List<TimelineEntry> entries = after == null
                ? TimelineEntry.page(requestId, null, 0, PAGE_SIZE + 1)
                : TimelineEntry.page(requestId, afterTime(after), afterSeq(after), PAGE_SIZE + 1);
        if (entries.isEmpty() && (after == null || TimelineEntry.count("requestId", requestId) == 0)) {
            throw DomainRuleViolation.notFound(Text.of("request.not-found", "request", requestId.toString()));
        }
        boolean more = entries.size() > PAGE_SIZE;
        List<TimelineEntry> page = more ? entries.subList(0, PAGE_SIZE) : entries;
        TimelineEntry last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new Page(
                page.stream()
                        .filter(e -> !partner || !TimelineSummary.forStaffOnly(e.eventType, e.partnerSummary))
                        .map(e -> new TimelineEvent(
                                e.eventId,
                                e.eventType,
                                e.occurredAt,
                                e.source,
                                partner ? partnerLine(e, language) : staffLine(e, language)))
                        .toList(),
                more ? Cursor.encode(last.occurredAt.toInstant(), last.seq) : null);
    }

    /** What staff read, in the language; a row older than the words in every language: its English. */
    private static String staffLine(TimelineEntry e, Locale language) {
        return e.summaryText == null ? e.summary : TimelineSummary.in(TimelineTexts.fromJson(e.summaryText), language);
    }

    /** What the partner reads, in the language; a row older than partners' lines: the kind of event only. */
    private static String partnerLine(TimelineEntry e, Locale language) {
        if (e.partnerSummary == null) {
            return TimelineSummary.kindOnly(e.eventType);
        } else if (e.partnerSummaryText != null) {
            return TimelineSummary.in(TimelineTexts.fromJson(e.partnerSummaryText), language);
        }
        // the partner reads what staff read (or the row is older than the words in every language)
        return e.summaryText == null ? e.partnerSummary : staffLine(e, language);
    }

    /** The State a request is for, as its submission (or approval) told it; null while unknown. */
    private static String countryOf(UUID requestId) {
        List<?> country = RequestOwner.getEntityManager()
                .createNativeQuery("select country from request_facts where request_id = ?1")
                .setParameter(1, requestId)
                .getResultList();
        return country.isEmpty() || country.get(0) == null
                ? null
                : country.get(0).toString();
    }

    private static OffsetDateTime afterTime(String cursor) {
        try {
            OffsetDateTime time = Instant.parse(Cursor.decode(cursor, 2)[0]).atOffset(ZoneOffset.UTC);
            if (time.getYear() < 1 || time.getYear() > 9999) {
                throw new DateTimeParseException("beyond the database's calendar", cursor, 0);
            }
            return time;
        } catch (DateTimeException | InvalidInput e) { // unreadable, or beyond what a timestamp holds
            throw InvalidInput.field("after", Text.of("timeline.cursor-unknown"));
        }
    }

    private static long afterSeq(String cursor) {
        try {
            return Long.parseLong(Cursor.decode(cursor, 2)[1]);
        } catch (NumberFormatException | InvalidInput e) {
            throw InvalidInput.field("after", Text.of("timeline.cursor-unknown"));
        }
    }
}
