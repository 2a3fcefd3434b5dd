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
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.RequestEvents.RequestWithdrawn;
import org.assistance.chassis.http.Cursor;
import org.assistance.chassis.problems.InvalidInput;
import org.jboss.logging.Logger;

/** The review cases, opened, updated and closed by the requests' own events. */
@ApplicationScoped
public class ReviewQueue {
    private static final Logger LOG = Logger.getLogger(ReviewQueue.class);

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

    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(RequestWithdrawn withdrawn) {
        // locked like a decision: a second reviewer's approval and the withdrawal never both win
        ReviewCase review = ReviewCase.findById(withdrawn.requestId(), LockModeType.PESSIMISTIC_WRITE);
        if (review != null && !review.withdraw(withdrawn.withdrawnAt())) {
            LOG.infof("Request %s withdrawn after its decision (%s); decision stands", review.requestId, review.status);
        }
    }

    public record Page(List<ReviewCase> cases, String nextCursor) {}

    /** Cases in a status, most urgent first, then longest waiting, a page at a time (keyset cursor). */
    public Page inStatus(ReviewStatus status, int limit, String cursor) {
        Parameters params = Parameters.with("status", status);
        String query = "status = :status";
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
                throw InvalidInput.field("cursor", "is not a cursor this API gave out");
            }
            query += " and (priorityRank > :rank or (priorityRank = :rank and (submittedAt > :time"
                    + " or (submittedAt = :time and requestId > :id))))";
        }
        List<ReviewCase> found = ReviewCase.<ReviewCase>find(
                        query + " order by priorityRank, submittedAt, requestId", params)
                .range(0, limit)
                .list();
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        ReviewCase last = found.get(limit - 1);
        return new Page(found.subList(0, limit), Cursor.encode(last.priorityRank, last.submittedAt, last.requestId));
    }
}
