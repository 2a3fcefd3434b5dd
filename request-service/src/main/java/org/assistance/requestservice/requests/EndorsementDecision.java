package org.assistance.requestservice.requests;

/** What the State's focal point says of a request: endorsed, or endorsement declined. */
public enum EndorsementDecision {
    ENDORSED,
    DECLINED
}
