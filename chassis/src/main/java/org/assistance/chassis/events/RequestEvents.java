package org.assistance.chassis.events;

import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.RequestingAuthority;
import org.assistance.chassis.events.Values.TrainingNeed;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Published by request-service on {@value Topics#REQUESTS}. */
public final class RequestEvents {
    private RequestEvents() {
    }

    /** {@code assistance.request.submitted.v1}: a partner agency asked for assistance. */
    public record RequestSubmitted(UUID requestId, String agencyId, String country,
                                   RequestingAuthority requestingAuthority, String thematicArea,
                                   Set<String> assistanceTypes, String priority, String title,
                                   String needsStatement, LocalDate desiredBy,
                                   List<EquipmentLine> equipmentLines, List<TrainingNeed> trainingNeeds,
                                   Money estimatedValue, OffsetDateTime submittedAt) implements AssistanceEvent {
    }

    /** {@code assistance.request.amended.v1}: the agency changed its request; carries the whole new content. */
    public record RequestAmended(UUID requestId, String agencyId, long version, String country,
                                 RequestingAuthority requestingAuthority, String thematicArea,
                                 Set<String> assistanceTypes, String priority, String title,
                                 String needsStatement, LocalDate desiredBy,
                                 List<EquipmentLine> equipmentLines, List<TrainingNeed> trainingNeeds,
                                 Money estimatedValue, OffsetDateTime amendedAt) implements AssistanceEvent {
    }

    /** {@code assistance.request.withdrawn.v1}: the agency withdrew before a decision. */
    public record RequestWithdrawn(UUID requestId, String agencyId, String reason, OffsetDateTime withdrawnAt)
            implements AssistanceEvent {
    }

    /** {@code assistance.request.receipt-confirmed.v1}: the partner's proof of delivery for one shipment. */
    public record ReceiptConfirmed(UUID requestId, String agencyId, UUID shipmentId, List<ReceiptLine> lines,
                                   String receivedBy, OffsetDateTime receivedAt) implements AssistanceEvent {
    }
}
