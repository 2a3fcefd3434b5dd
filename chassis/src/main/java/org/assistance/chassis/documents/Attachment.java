package org.assistance.chassis.documents;

import java.util.UUID;

/** What a document is attached to: {@code to}'s record {@code id}, which belongs to request {@code requestId}. */
public record Attachment(AttachedTo to, UUID id, UUID requestId) {
    public static Attachment request(UUID requestId) {
        return new Attachment(AttachedTo.REQUEST, requestId, requestId);
    }

    public static Attachment receipt(UUID requestId, UUID shipmentId) {
        return new Attachment(AttachedTo.RECEIPT, shipmentId, requestId);
    }

    public static Attachment shipment(UUID requestId, UUID shipmentId) {
        return new Attachment(AttachedTo.SHIPMENT, shipmentId, requestId);
    }

    public static Attachment activity(UUID requestId, UUID activityId) {
        return new Attachment(AttachedTo.ACTIVITY, activityId, requestId);
    }
}
