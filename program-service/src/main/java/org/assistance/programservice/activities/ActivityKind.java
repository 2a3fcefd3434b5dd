package org.assistance.programservice.activities;

public enum ActivityKind {
    TRAINING_COURSE, ADVISORY_MISSION, NEEDS_ASSESSMENT, KNOWLEDGE_SHARING_EVENT
}
