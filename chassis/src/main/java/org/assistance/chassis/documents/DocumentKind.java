package org.assistance.chassis.documents;

/** What a document is to the platform's work; OTHER for anything the list does not name. */
public enum DocumentKind {
    REQUEST_LETTER,
    EXPORT_LICENCE,
    END_USER_CERTIFICATE,
    HANDOVER_CERTIFICATE,
    TRAINING_REPORT,
    OTHER
}
