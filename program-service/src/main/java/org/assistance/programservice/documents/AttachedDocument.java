package org.assistance.programservice.documents;

import java.util.UUID;
import org.assistance.chassis.documents.DocumentView;

/** A document attached to an activity, as the audit trail keeps it: where it went and what it is. */
public record AttachedDocument(UUID activityId, DocumentView document) {}
