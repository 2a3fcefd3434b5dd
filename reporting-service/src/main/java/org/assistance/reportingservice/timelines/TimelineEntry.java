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
    public String summary;

    static List<TimelineEntry> of(UUID requestId) {
        return list("requestId = ?1 order by occurredAt, seq", requestId);
    }
}
