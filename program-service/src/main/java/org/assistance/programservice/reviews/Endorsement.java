package org.assistance.programservice.reviews;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.texts.Text;

/**
 * The State's latest word on a request, as request-service announced it (endorsed or
 * endorsement-declined by the State's national focal point). Kept per request, apart from its
 * review case: one that arrives before the case is opened is kept all the same.
 */
@Entity
@Table(name = "endorsements")
public class Endorsement extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "agency_id")
    public String agencyId;

    public String country;

    @Enumerated(EnumType.STRING)
    public EndorsementDecision decision;

    public String reference;

    public String comment;

    @Column(name = "focal_point")
    public String focalPoint;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    /** The State's decision; an earlier one on the same request is replaced by a later one. */
    record Decided(
            UUID requestId,
            String agencyId,
            String country,
            EndorsementDecision decision,
            String reference,
            String comment,
            String focalPoint,
            OffsetDateTime at) {}

    /**
     * Takes the State's decision unless the one already kept was made later (events of one request
     * arrive in order, so that happens only when a decision is published again after a newer one).
     * Returns whether it was taken.
     */
    boolean take(Decided decided) {
        if (decidedAt != null && decided.at().isBefore(decidedAt)) {
            return false;
        }
        requestId = decided.requestId();
        agencyId = decided.agencyId();
        country = decided.country();
        decision = decided.decision();
        reference = decided.reference();
        comment = decided.comment();
        focalPoint = decided.focalPoint();
        decidedAt = decided.at();
        return true;
    }

    boolean isEndorsed() {
        return decision == EndorsementDecision.ENDORSED;
    }

    boolean isDeclined() {
        return decision == EndorsementDecision.DECLINED;
    }

    /** How a refusal names it: "on 2026-12-01 (reference MFA/123)". */
    Text when() {
        String day = decidedAt.toLocalDate().toString();
        return reference == null || reference.isBlank()
                ? Text.of("endorsement.on", "day", day)
                : Text.of("endorsement.on-with-reference", "day", day, "reference", reference);
    }

    /** The endorsements of these requests (those that have one). */
    static List<Endorsement> ofRequests(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return List.of();
        }
        return Endorsement.<Endorsement>find("requestId in ?1", requestIds).list();
    }
}
