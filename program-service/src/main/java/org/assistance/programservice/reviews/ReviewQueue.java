package org.assistance.programservice.reviews;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.assistance.chassis.events.RequestEvents.RequestAmended;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.RequestEvents.RequestWithdrawn;
import org.jboss.logging.Logger;

import java.util.List;

/** The review cases, opened, updated and closed by the requests' own events. */
@ApplicationScoped
public class ReviewQueue {
    private static final Logger LOG = Logger.getLogger(ReviewQueue.class);

    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(RequestSubmitted submitted) {
        if (ReviewCase.findById(submitted.requestId()) == null) {
            ReviewCase.open(submitted).persist();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void amended(RequestAmended amended) {
        ReviewCase review = ReviewCase.findById(amended.requestId());
        if (review == null) {
            LOG.warnf("Amendment of unknown request %s ignored", amended.requestId());
            return;
        }
        review.amend(amended);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(RequestWithdrawn withdrawn) {
        ReviewCase review = ReviewCase.findById(withdrawn.requestId());
        if (review != null && !review.withdraw(withdrawn.withdrawnAt())) {
            LOG.infof("Request %s withdrawn after its decision (%s); decision stands", review.requestId, review.status);
        }
    }

    /** Cases in a status, most urgent first, then longest waiting. */
    public List<ReviewCase> inStatus(ReviewStatus status, int limit) {
        return ReviewCase.<ReviewCase>find("status = ?1 order by priorityRank, submittedAt, requestId", status)
                .range(0, limit - 1).list();
    }
}
