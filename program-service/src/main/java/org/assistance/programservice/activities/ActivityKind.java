package org.assistance.programservice.activities;

/** The forms of non-equipment assistance a request may be approved for; each becomes a deliverable. */
public enum ActivityKind {
    TRAINING_COURSE,
    ADVISORY_MISSION,
    MENTORING_MISSION,
    LEGISLATIVE_REVIEW,
    NEEDS_ASSESSMENT,
    KNOWLEDGE_PRODUCT,
    KNOWLEDGE_SHARING_EVENT
}
