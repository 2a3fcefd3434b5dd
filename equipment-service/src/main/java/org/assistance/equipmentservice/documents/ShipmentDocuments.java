package org.assistance.equipmentservice.documents;

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
import org.assistance.equipmentservice.shipments.Shipment;
import org.assistance.equipmentservice.shipments.Shipments;

/**
 * A shipment's papers (export licence, end-user certificate, handover certificate): logistics
 * attaches them; staff read them. A shipment outside the caller's scope does not exist for it (404).
 * An attachment is in the audit trail (kind {@value #AUDIT_KIND}) with what the document is, never
 * its content.
 */
@ApplicationScoped
public class ShipmentDocuments {
    static final String AUDIT_KIND = "shipment-document";

    private final Shipments shipments;
    private final Documents documents;
    private final AuditTrail audit;

    public ShipmentDocuments(Shipments shipments, Documents documents, AuditTrail audit) {
        this.shipments = shipments;
        this.documents = documents;
        this.audit = audit;
    }

    @Transactional
    public DocumentView attach(
            UUID shipmentId,
            TenantScope scope,
            DocumentKind kind,
            String title,
            String filename,
            InputStream body,
            String actor) {
        DocumentView attached = documents.attach(shipment(shipmentId, scope), kind, title, filename, body, actor);
        audit.created(AUDIT_KIND, attached.id(), attached);
        return attached;
    }

    public List<DocumentView> of(UUID shipmentId, TenantScope scope) {
        return documents.of(shipment(shipmentId, scope));
    }

    public Download download(UUID shipmentId, TenantScope scope, UUID documentId) {
        return documents.download(shipment(shipmentId, scope), documentId);
    }

    private Attachment shipment(UUID shipmentId, TenantScope scope) {
        Shipment shipment = shipments.get(shipmentId, scope);
        return Attachment.shipment(shipment.requestId, shipment.id);
    }
}
