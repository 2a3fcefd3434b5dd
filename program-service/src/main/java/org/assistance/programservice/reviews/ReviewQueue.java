package org.assistance.programservice.reviews;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.RequestEvents.MessagePosted;
import org.assistance.chassis.events.RequestEvents.RequestAmended;
import org.assistance.chassis.events.RequestEvents.RequestEndorsed;
import org.assistance.chassis.events.RequestEvents.RequestEndorsementDeclined;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.RequestEvents.RequestWithdrawn;
import org.assistance.chassis.http.Cursor;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.texts.Text;
import org.jboss.logging.Logger;

/** The review cases, opened, updated and closed by the requests' own events. */
@ApplicationScoped
public class ReviewQueue {
    private static final Logger LOG = Logger.getLogger(ReviewQueue.class);
    /** The statuses of a case still to be decided ({@link ReviewCase#isOpen}). */
    private static final List<ReviewStatus> OPEN =
            List.of(ReviewStatus.PENDING, ReviewStatus.INFORMATION_REQUESTED, ReviewStatus.AWAITING_SECOND_APPROVAL);

    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(RequestSubmitted submitted) {
        if (!ReviewCase.open(submitted).storeUnlessOpened()) {
            LOG.debugf("Request %s already has its review case; kept as it is", submitted.requestId());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void amended(RequestAmended amended) {
        // locked like a decision: a second reviewer's approval and the amendment never both win
        ReviewCase review = ReviewCase.findById(amended.requestId(), LockModeType.PESSIMISTIC_WRITE);
        if (review == null) {
            LOG.warnf("Amendment of unknown request %s ignored", amended.requestId());
            return;
        }
        if (!review.amend(amended)) {
            LOG.infof(
                    "Request %s amended after its decision or withdrawal (%s); the case keeps what was decided on",
                    review.requestId, review.status);
        }
    }

    /**
     * A message of the request's conversation. Only the agency's answer to a request for
     * information concerns the review: it is kept beside the latest questions and the case goes
     * back to the queue it was in when asked. Other messages, and internal notes (which carry no
     * body), are request-service's to show.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void messagePosted(MessagePosted posted) {
        if (!posted.answersInformationRequest() || posted.body() == null) {
            return;
        }
        // locked like a decision: a reviewer deciding meanwhile and the answer never both win
        ReviewCase review = ReviewCase.findById(posted.requestId(), LockModeType.PESSIMISTIC_WRITE);
        if (review == null) {
            LOG.warnf("Answer to a request for information on unknown request %s ignored", posted.requestId());
            return;
        }
        InformationRequest asked = InformationRequest.latestOf(review.requestId);
        ReviewStatus queue = asked == null ? ReviewStatus.PENDING : asked.returnsTo;
        if (asked != null && InformationAnswer.findById(posted.messageId()) == null) {
            InformationAnswer.to(asked, posted.messageId(), posted.body(), posted.postedAt())
                    .persist();
        }
        if (!review.answered(queue, posted.postedAt())) {
            LOG.infof("Request %s answered while %s; the case stays where it is", review.requestId, review.status);
        }
    }

    /**
     * The State's focal point endorsed the request, or declined to: kept as the State's latest
     * word on it, which the reviewers read and an approval heeds. Kept also for a request whose case
     * is not open (yet): an approval of it, when it comes, heeds it all the same.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endorsed(RequestEndorsed endorsed) {
        stateDecided(new Endorsement.Decided(
                endorsed.requestId(),
                endorsed.agencyId(),
                endorsed.country(),
                EndorsementDecision.ENDORSED,
                endorsed.reference(),
                endorsed.comment(),
                endorsed.focalPoint(),
                endorsed.endorsedAt()));
    }

    /** The State's focal point declined to endorse the request (see {@link #endorsed}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endorsementDeclined(RequestEndorsementDeclined declined) {
        stateDecided(new Endorsement.Decided(
                declined.requestId(),
                declined.agencyId(),
                declined.country(),
                EndorsementDecision.DECLINED,
                declined.reference(),
                declined.comment(),
                declined.focalPoint(),
                declined.declinedAt()));
    }

    private void stateDecided(Endorsement.Decided decided) {
        // locked like a decision: an approval reads the endorsement after taking this lock, so the
        // approval and the State's word never both win
        ReviewCase review = ReviewCase.findById(decided.requestId(), LockModeType.PESSIMISTIC_WRITE);
        if (review == null) {
            LOG.infof(
                    "The State's %s of request %s arrived before its review case; kept for it",
                    decided.decision(), decided.requestId());
        }
        Endorsement endorsement = Endorsement.findById(decided.requestId(), LockModeType.PESSIMISTIC_WRITE);
        if (endorsement == null) {
            endorsement = new Endorsement();
            endorsement.take(decided);
            endorsement.persist();
        } else if (!endorsement.take(decided)) {
            LOG.infof(
                    "The State's %s of request %s at %s is older than its %s at %s; the later one stands",
                    decided.decision(), decided.requestId(), decided.at(), endorsement.decision, endorsement.decidedAt);
        } else if (review != null && !review.isOpen()) {
            LOG.infof(
                    "The State's %s of request %s arrived after its case was %s; the decision stands",
                    decided.decision(), decided.requestId(), review.status);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(RequestWithdrawn withdrawn) {
        // locked like a decision: a second reviewer's approval and the withdrawal never both win
        ReviewCase review = ReviewCase.findById(withdrawn.requestId(), LockModeType.PESSIMISTIC_WRITE);
        if (review != null && !review.withdraw(withdrawn.withdrawnAt())) {
            LOG.infof("Request %s withdrawn after its decision (%s); decision stands", review.requestId, review.status);
        }
    }

    public record Page(List<ReviewCase> cases, String nextCursor) {}

    /**
     * Which cases a page holds: those in a status and, when given, of the State's word on them
     * ({@code endorsement}) and whether an approval waits for the State ({@code waitingForEndorsement},
     * as {@link ReviewCase#waitsForEndorsement} says it).
     */
    public record Filter(ReviewStatus status, EndorsementFilter endorsement, Boolean waitingForEndorsement) {}

    /** Cases as the filter picks them, most urgent first, then longest waiting, a page at a time (keyset cursor). */
    public Page page(Filter filter, int limit, String cursor) {
        Parameters params = Parameters.with("status", filter.status());
        StringBuilder query = new StringBuilder("from ReviewCase c where c.status = :status");
        if (filter.endorsement() == EndorsementFilter.NONE) {
            query.append(" and not exists (select 1 from Endorsement e where e.requestId = c.requestId)");
        } else if (filter.endorsement() != null) {
            query.append(" and exists (select 1 from Endorsement e where e.requestId = c.requestId"
                    + " and e.decision = :decision)");
            params.and(
                    "decision", EndorsementDecision.valueOf(filter.endorsement().name()));
        }
        if (filter.waitingForEndorsement() != null) {
            // as ReviewCase.waitsForEndorsement: open, the State's policy waits, and not endorsed
            query.append(filter.waitingForEndorsement() ? " and " : " and not ")
                    .append("(c.status in :open and exists (select 1 from ReviewPolicy p where p.country = c.country"
                            + " and p.reviewWaitsForEndorsement = true) and not exists (select 1 from Endorsement w"
                            + " where w.requestId = c.requestId and w.decision = :endorsed))");
            params.and("open", OPEN).and("endorsed", EndorsementDecision.ENDORSED);
        }
        if (cursor != null) {
            String[] after = Cursor.decode(cursor, 3);
            try {
                OffsetDateTime time = OffsetDateTime.parse(after[1]);
                // a forged cursor far in time would fail in the database (timestamptz ends in year 294276)
                if (time.getYear() < 1970 || time.getYear() > 9999) {
                    throw new IllegalArgumentException("time out of range");
                }
                params.and("rank", Integer.parseInt(after[0])).and("time", time).and("id", UUID.fromString(after[2]));
            } catch (RuntimeException e) {
                throw InvalidInput.field("cursor", Text.of("cursor.unknown"));
            }
            query.append(" and (c.priorityRank > :rank or (c.priorityRank = :rank and (c.submittedAt > :time"
                    + " or (c.submittedAt = :time and c.requestId > :id))))");
        }
        List<ReviewCase> found = ReviewCase.<ReviewCase>find(
                        query + " order by c.priorityRank, c.submittedAt, c.requestId", params)
                .range(0, limit)
                .list();
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        ReviewCase last = found.get(limit - 1);
        return new Page(found.subList(0, limit), Cursor.encode(last.priorityRank, last.submittedAt, last.requestId));
    }
}
