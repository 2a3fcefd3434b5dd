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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
    /** What staff read as words not yet in a language (TimelineTexts); null in rows older than it. */
    @Column(name = "summary_text")
    @JdbcTypeCode(SqlTypes.JSON)
    public String summaryText;
    /** What the partner reads, where it is not what staff read (TimelineTexts). */
    @Column(name = "partner_summary_text")
    @JdbcTypeCode(SqlTypes.JSON)
    public String partnerSummaryText;

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
