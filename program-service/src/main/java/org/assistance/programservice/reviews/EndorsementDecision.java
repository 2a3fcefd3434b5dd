package org.assistance.programservice.reviews;

/** What the State's national focal point decided on a request. */
public enum EndorsementDecision {
    /** The State endorses the request: it answers the State's own needs. */
    ENDORSED,
    /** The State declined to endorse the request. */
    DECLINED
}
