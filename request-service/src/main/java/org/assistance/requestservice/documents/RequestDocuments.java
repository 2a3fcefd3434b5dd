package org.assistance.requestservice.documents;

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
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.security.TenantScope;
import org.assistance.chassis.texts.Text;
import org.assistance.requestservice.receipts.Receipt;
import org.assistance.requestservice.requests.AssistanceRequests;

/**
 * Documents of a request (its letter, certificates...) and of a receipt (the signed handover): a
 * partner attaches and reads them on its own agency's requests only; staff on every request. Another
 * agency's request or receipt does not exist for a partner (404). Each attachment is audited
 * (kind {@code document}: what it is and to which record, never its content) with the upload.
 */
@ApplicationScoped
public class RequestDocuments {
    private final AssistanceRequests requests;
    private final Documents documents;
    private final AuditTrail audit;

    static final String AUDIT_KIND = "document";

    public RequestDocuments(AssistanceRequests requests, Documents documents, AuditTrail audit) {
        this.requests = requests;
        this.documents = documents;
        this.audit = audit;
    }

    @Transactional
    public DocumentView attach(
            UUID requestId,
            TenantScope scope,
            DocumentKind kind,
            String title,
            String filename,
            InputStream body,
            String actor) {
        return audited(documents.attach(request(requestId, scope), kind, title, filename, body, actor));
    }

    @Transactional
    public DocumentView attachToReceipt(
            UUID requestId,
            UUID shipmentId,
            TenantScope scope,
            DocumentKind kind,
            String title,
            String filename,
            InputStream body,
            String actor) {
        return audited(documents.attach(receipt(requestId, shipmentId, scope), kind, title, filename, body, actor));
    }

    private DocumentView audited(DocumentView attached) {
        audit.created(AUDIT_KIND, attached.id(), attached);
        return attached;
    }

    public List<DocumentView> of(UUID requestId, TenantScope scope) {
        return documents.of(request(requestId, scope));
    }

    public List<DocumentView> ofReceipt(UUID requestId, UUID shipmentId, TenantScope scope) {
        return documents.of(receipt(requestId, shipmentId, scope));
    }

    public Download download(UUID requestId, TenantScope scope, UUID documentId) {
        return documents.download(request(requestId, scope), documentId);
    }

    public Download downloadFromReceipt(UUID requestId, UUID shipmentId, TenantScope scope, UUID documentId) {
        return documents.download(receipt(requestId, shipmentId, scope), documentId);
    }

    private Attachment request(UUID requestId, TenantScope scope) {
        requests.visibleTo(requestId, scope);
        return Attachment.request(requestId);
    }

    private Attachment receipt(UUID requestId, UUID shipmentId, TenantScope scope) {
        requests.visibleTo(requestId, scope);
        Receipt receipt = Receipt.findById(shipmentId);
        if (receipt == null || !receipt.requestId.equals(requestId)) {
            throw DomainRuleViolation.notFound(Text.of(
                    "document.receipt-not-found", "shipment", shipmentId.toString(), "request", requestId.toString()));
        }
        return Attachment.receipt(requestId, shipmentId);
    }
}
