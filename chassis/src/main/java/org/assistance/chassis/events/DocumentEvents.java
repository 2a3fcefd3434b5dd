package org.assistance.chassis.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A document was attached: what it is, never its content (consumers fetch that from the owning
 * service's API, with the caller's rights). Each owning service announces its documents on its own
 * topic, keyed by the request the document belongs to; the three types carry the same fields.
 */
public final class DocumentEvents {
    private DocumentEvents() {}

    /** The fields every {@code document-attached} type carries. */
    public interface DocumentAttached extends AssistanceEvent {
        UUID documentId();

        /** REQUEST, RECEIPT, SHIPMENT or ACTIVITY. */
        String attachedTo();

        /** The request, the receipt's shipment, the shipment or the activity. */
        UUID attachedToId();

        /** REQUEST_LETTER, EXPORT_LICENCE, END_USER_CERTIFICATE, HANDOVER_CERTIFICATE, TRAINING_REPORT or OTHER. */
        String kind();

        String title();

        String filename();

        /** As detected from the content. */
        String mediaType();

        long sizeBytes();

        /** Lower-case hex SHA-256 of the content. */
        String sha256();

        String uploadedBy();

        OffsetDateTime uploadedAt();
    }

    /** {@code assistance.request.document-attached.v1}: on a request or on a receipt (request-service). */
    public record RequestDocumentAttached(
            UUID requestId,
            UUID documentId,
            String attachedTo,
            UUID attachedToId,
            String kind,
            String title,
            String filename,
            String mediaType,
            long sizeBytes,
            String sha256,
            String uploadedBy,
            OffsetDateTime uploadedAt)
            implements DocumentAttached {}

    /** {@code assistance.activity.document-attached.v1}: on an activity (program-service). */
    public record ActivityDocumentAttached(
            UUID requestId,
            UUID documentId,
            String attachedTo,
            UUID attachedToId,
            String kind,
            String title,
            String filename,
            String mediaType,
            long sizeBytes,
            String sha256,
            String uploadedBy,
            OffsetDateTime uploadedAt)
            implements DocumentAttached {}

    /** {@code assistance.shipment.document-attached.v1}: on a shipment (equipment-service). */
    public record ShipmentDocumentAttached(
            UUID requestId,
            UUID documentId,
            String attachedTo,
            UUID attachedToId,
            String kind,
            String title,
            String filename,
            String mediaType,
            long sizeBytes,
            String sha256,
            String uploadedBy,
            OffsetDateTime uploadedAt)
            implements DocumentAttached {}
}
