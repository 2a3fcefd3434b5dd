package org.assistance.programservice.reviews;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.ids.TimeOrderedIds;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What a reviewer asked the agency about its request (a REQUEST_INFORMATION decision), and the
 * queue the case returns to once the agency answers.
 */
@Entity
@Table(name = "information_requests")
public class InformationRequest extends PanacheEntityBase {
    /** What a case's view shows at most: its latest requests for information. */
    static final int MAX_SHOWN = 50;

    @Id
    public UUID id;

    @Column(name = "request_id")
    public UUID requestId;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> questions;

    @Column(name = "asked_by")
    public String askedBy;

    @Column(name = "asked_at")
    public OffsetDateTime askedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "returns_to")
    public ReviewStatus returnsTo;

    /**
     * Asked of the agency about the case, which was in {@code queue}: asked again while still
     * waiting, the answer puts the case back where it was before the first question.
     */
    static InformationRequest ask(
            ReviewCase review, ReviewStatus queue, List<String> questions, String reviewer, OffsetDateTime at) {
        InformationRequest asked = new InformationRequest();
        asked.id = TimeOrderedIds.next();
        asked.requestId = review.requestId;
        asked.questions = questions;
        asked.askedBy = reviewer.length() <= 200 ? reviewer : reviewer.substring(0, 199) + "…";
        asked.askedAt = at;
        InformationRequest earlier = queue == ReviewStatus.INFORMATION_REQUESTED ? latestOf(review.requestId) : null;
        asked.returnsTo = queue != ReviewStatus.INFORMATION_REQUESTED
                ? queue
                : earlier != null ? earlier.returnsTo : ReviewStatus.PENDING;
        return asked;
    }

    /** The case's latest request for information; null if none was kept. */
    static InformationRequest latestOf(UUID requestId) {
        return InformationRequest.<InformationRequest>find("requestId = ?1 order by askedAt desc, id desc", requestId)
                .firstResult();
    }

    /** The latest requests (at most {@link #MAX_SHOWN}) of each case, oldest first. */
    static List<InformationRequest> ofCases(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return List.of();
        }
        List<InformationRequest> found = new ArrayList<>(InformationRequest.<InformationRequest>find(
                        "requestId in ?1 order by askedAt desc, id desc", requestIds)
                .list());
        Collections.reverse(found);
        return found;
    }
}
