package org.assistance.programservice.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.documents.Attachment;
import org.assistance.chassis.documents.DocumentKind;
import org.assistance.chassis.documents.DocumentView;
import org.assistance.chassis.documents.Documents;
import org.assistance.chassis.documents.Download;
import org.assistance.chassis.security.TenantScope;
import org.assistance.programservice.activities.Activities;
import org.assistance.programservice.activities.Activity;

/**
 * An activity's documents (training report, attendance list...): programme staff attach and read
 * them; activities are staff's records, so no partner or donor reaches them.
 */
@ApplicationScoped
public class ActivityDocuments {
    private final Documents documents;
    private final AuditTrail audit;

    public ActivityDocuments(Documents documents, AuditTrail audit) {
        this.documents = documents;
        this.audit = audit;
    }

    @Transactional
    public DocumentView attach(
            UUID activityId,
            TenantScope scope,
            DocumentKind kind,
            String title,
            String filename,
            InputStream body,
            String actor) {
        DocumentView attached = documents.attach(activity(activityId, scope), kind, title, filename, body, actor);
        // what was attached (its metadata and digest) and to which activity, never its content
        audit.created("activity-document", attached.id(), new AttachedDocument(activityId, attached));
        return attached;
    }

    public List<DocumentView> of(UUID activityId, TenantScope scope) {
        return documents.of(activity(activityId, scope));
    }

    public Download download(UUID activityId, TenantScope scope, UUID documentId) {
        return documents.download(activity(activityId, scope), documentId);
    }

    private static Attachment activity(UUID activityId, TenantScope scope) {
        Activity activity = Activity.findById(activityId);
        // the roles that reach here are staff's; a scope confined to a tenant never sees an activity
        if (activity == null || scope.confinedToAgency() || scope.confinedToDonor()) {
            throw Activities.notFound(activityId);
        }
        return Attachment.activity(activity.requestId, activity.id);
    }
}
