package org.assistance.reportingservice.timelines;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One event in a request's story, as any service told it. */
@Entity
@Table(name = "timeline_entries")
public class TimelineEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "event_type")
    public String eventType;

    public String source;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    /** What staff read: everything the event told. */
    public String summary;
    /** What the requesting agency reads (TimelineSummary#forPartner); null in rows older than it. */
    @Column(name = "partner_summary")
    public String partnerSummary;

    /** Up to {@code limit} events of a request in the order they happened, after the given one (if any). */
    static List<TimelineEntry> page(UUID requestId, OffsetDateTime afterTime, long afterSeq, int limit) {
        if (afterTime == null) {
            return find("requestId = ?1 order by occurredAt, seq", requestId)
                    .range(0, limit - 1)
                    .list();
        }
        return find(
                        "requestId = ?1 and (occurredAt > ?2 or (occurredAt = ?2 and seq > ?3)) order by occurredAt, seq",
                        requestId,
                        afterTime,
                        afterSeq)
                .range(0, limit - 1)
                .list();
    }
}
