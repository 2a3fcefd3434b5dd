package org.assistance.requestservice.requests;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.ids.TimeOrderedIds;

/** One move in a request's status history: when, who (or which service) and why. */
@Entity
@Table(name = "request_status_changes")
public class StatusChange extends PanacheEntityBase {
    /** The column's width; a token subject may be longer, and is then shortened rather than failing the change. */
    static final int MAX_ACTOR = 200;
    /** The longest reason: a reviewer's questions (up to 20 of 1,000 characters) joined into one. */
    static final int MAX_REASON = 21_000;
    /** What the history shows at most; a request's lifecycle never comes near it. */
    static final int MAX_HISTORY = 500;

    /** Made here (UUIDv7, growing in the order the changes were made): no round trip for an id. */
    @Id
    public UUID id;

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

    static void record(
            UUID requestId, RequestStatus from, RequestStatus to, OffsetDateTime at, String actor, String reason) {
        StatusChange change = new StatusChange();
        change.id = TimeOrderedIds.next();
        change.requestId = requestId;
        change.fromStatus = from;
        change.toStatus = to;
        change.changedAt = at;
        change.actor = shortened(actor, MAX_ACTOR);
        change.reason = shortened(reason, MAX_REASON);
        change.persist();
    }

    /** The request's changes, oldest first (the latest {@link #MAX_HISTORY} of them). */
    static List<StatusChange> of(UUID requestId) {
        List<StatusChange> latest = new ArrayList<>(
                StatusChange.<StatusChange>find("requestId = ?1 order by changedAt desc, id desc", requestId)
                        .range(0, MAX_HISTORY - 1)
                        .list());
        Collections.reverse(latest);
        return latest;
    }

    private static String shortened(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
