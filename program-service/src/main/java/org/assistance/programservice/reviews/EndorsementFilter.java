package org.assistance.programservice.reviews;

/** Which review cases the queue shows by the State's word on them. */
public enum EndorsementFilter {
    /** The State's latest word: endorsed. */
    ENDORSED,
    /** The State's latest word: declined to endorse. */
    DECLINED,
    /** The State has said nothing yet. */
    NONE
}
