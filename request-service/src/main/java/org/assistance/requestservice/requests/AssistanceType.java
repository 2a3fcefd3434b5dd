package org.assistance.requestservice.requests;

public enum AssistanceType {
    TRAINING,
    EQUIPMENT,
    LEGISLATIVE_ADVISORY,
    MENTORING_ADVISORY,
    NEEDS_ASSESSMENT,
    KNOWLEDGE_SHARING
}
