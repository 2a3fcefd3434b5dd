package org.assistance.requestservice.requests;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One move in a request's status history: when, who (or which service) and why. */
@Entity
@Table(name = "request_status_changes")
public class StatusChange extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "request_id")
    public UUID requestId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public RequestStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public RequestStatus toStatus;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
    public String actor;
    public String reason;

    static void record(UUID requestId, RequestStatus from, RequestStatus to, OffsetDateTime at, String actor,
                       String reason) {
        StatusChange change = new StatusChange();
        change.requestId = requestId;
        change.fromStatus = from;
        change.toStatus = to;
        change.changedAt = at;
        change.actor = actor;
        change.reason = reason;
        change.persist();
    }

    static List<StatusChange> of(UUID requestId) {
        return list("requestId = ?1 order by changedAt, id", requestId);
    }
}
