package org.assistance.chassis.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.Values.Deliverable;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.RequestingAuthority;
import org.assistance.chassis.events.Values.TrainingNeed;
import org.assistance.chassis.events.Values.Translation;

/** Published by request-service on {@value Topics#REQUESTS}. */
public final class RequestEvents {
    private RequestEvents() {}

    /**
     * {@code assistance.request.submitted.v1}: a partner agency asked for assistance. {@code
     * priorityId} names the State's national priority the request answers (a {@code
     * country.priority-stated} of the same country), or is null.
     */
    public record RequestSubmitted(
            UUID requestId,
            String agencyId,
            String country,
            RequestingAuthority requestingAuthority,
            String thematicArea,
            Set<String> assistanceTypes,
            String priority,
            String title,
            String needsStatement,
            LocalDate desiredBy,
            List<EquipmentLine> equipmentLines,
            List<TrainingNeed> trainingNeeds,
            Money estimatedValue,
            OffsetDateTime submittedAt,
            UUID priorityId,
            String language,
            List<Translation> translations)
            implements AssistanceEvent {
        /**
         * {@code language}: the ISO 639-1 language the title and needs statement are written in
         * (null in events written before it: English); {@code translations}: the same texts in other
         * languages (null or empty: none). Both added to v1 as optional fields.
         */
        public RequestSubmitted {
            translations = translations == null ? List.of() : List.copyOf(translations);
        }

        /** A submission in one language, naming the national priority it answers (or null). */
        public RequestSubmitted(
                UUID requestId,
                String agencyId,
                String country,
                RequestingAuthority requestingAuthority,
                String thematicArea,
                Set<String> assistanceTypes,
                String priority,
                String title,
                String needsStatement,
                LocalDate desiredBy,
                List<EquipmentLine> equipmentLines,
                List<TrainingNeed> trainingNeeds,
                Money estimatedValue,
                OffsetDateTime submittedAt,
                UUID priorityId) {
            this(
                    requestId,
                    agencyId,
                    country,
                    requestingAuthority,
                    thematicArea,
                    assistanceTypes,
                    priority,
                    title,
                    needsStatement,
                    desiredBy,
                    equipmentLines,
                    trainingNeeds,
                    estimatedValue,
                    submittedAt,
                    priorityId,
                    null,
                    null);
        }

        /** The language the title and needs statement are written in: English when the event did not say. */
        public String languageOrEnglish() {
            return language == null ? "en" : language;
        }

        /**
         * A submission as written before {@code priorityId} existed (added to v1 as an optional
         * field): it names no national priority.
         */
        public RequestSubmitted(
                UUID requestId,
                String agencyId,
                String country,
                RequestingAuthority requestingAuthority,
                String thematicArea,
                Set<String> assistanceTypes,
                String priority,
                String title,
                String needsStatement,
                LocalDate desiredBy,
                List<EquipmentLine> equipmentLines,
                List<TrainingNeed> trainingNeeds,
                Money estimatedValue,
                OffsetDateTime submittedAt) {
            this(
                    requestId,
                    agencyId,
                    country,
                    requestingAuthority,
                    thematicArea,
                    assistanceTypes,
                    priority,
                    title,
                    needsStatement,
                    desiredBy,
                    equipmentLines,
                    trainingNeeds,
                    estimatedValue,
                    submittedAt,
                    null);
        }
    }

    /** {@code assistance.request.amended.v1}: the agency changed its request; carries the whole new content. */
    public record RequestAmended(
            UUID requestId,
            String agencyId,
            long version,
            String country,
            RequestingAuthority requestingAuthority,
            String thematicArea,
            Set<String> assistanceTypes,
            String priority,
            String title,
            String needsStatement,
            LocalDate desiredBy,
            List<EquipmentLine> equipmentLines,
            List<TrainingNeed> trainingNeeds,
            Money estimatedValue,
            OffsetDateTime amendedAt,
            UUID priorityId,
            String language,
            List<Translation> translations)
            implements AssistanceEvent {
        /** {@code language} and {@code translations} as in {@link RequestSubmitted}: the amended texts. */
        public RequestAmended {
            translations = translations == null ? List.of() : List.copyOf(translations);
        }

        /** An amendment in one language, naming the national priority it answers (or null). */
        public RequestAmended(
                UUID requestId,
                String agencyId,
                long version,
                String country,
                RequestingAuthority requestingAuthority,
                String thematicArea,
                Set<String> assistanceTypes,
                String priority,
                String title,
                String needsStatement,
                LocalDate desiredBy,
                List<EquipmentLine> equipmentLines,
                List<TrainingNeed> trainingNeeds,
                Money estimatedValue,
                OffsetDateTime amendedAt,
                UUID priorityId) {
            this(
                    requestId,
                    agencyId,
                    version,
                    country,
                    requestingAuthority,
                    thematicArea,
                    assistanceTypes,
                    priority,
                    title,
                    needsStatement,
                    desiredBy,
                    equipmentLines,
                    trainingNeeds,
                    estimatedValue,
                    amendedAt,
                    priorityId,
                    null,
                    null);
        }

        /** The language the title and needs statement are written in: English when the event did not say. */
        public String languageOrEnglish() {
            return language == null ? "en" : language;
        }

        /** An amendment as written before {@code priorityId} existed: it names no national priority. */
        public RequestAmended(
                UUID requestId,
                String agencyId,
                long version,
                String country,
                RequestingAuthority requestingAuthority,
                String thematicArea,
                Set<String> assistanceTypes,
                String priority,
                String title,
                String needsStatement,
                LocalDate desiredBy,
                List<EquipmentLine> equipmentLines,
                List<TrainingNeed> trainingNeeds,
                Money estimatedValue,
                OffsetDateTime amendedAt) {
            this(
                    requestId,
                    agencyId,
                    version,
                    country,
                    requestingAuthority,
                    thematicArea,
                    assistanceTypes,
                    priority,
                    title,
                    needsStatement,
                    desiredBy,
                    equipmentLines,
                    trainingNeeds,
                    estimatedValue,
                    amendedAt,
                    null);
        }
    }

    /** {@code assistance.request.withdrawn.v1}: the agency withdrew before a decision. */
    public record RequestWithdrawn(UUID requestId, String agencyId, String reason, OffsetDateTime withdrawnAt)
            implements AssistanceEvent {}

    /** {@code assistance.request.receipt-confirmed.v1}: the partner's proof of delivery for one shipment. */
    public record ReceiptConfirmed(
            UUID requestId,
            String agencyId,
            UUID shipmentId,
            List<ReceiptLine> lines,
            String receivedBy,
            OffsetDateTime receivedAt)
            implements AssistanceEvent {}

    /**
     * {@code assistance.request.delivery-started.v1}: the first deliverable of an approved request
     * started (a shipment dispatched, an activity delivered): the request is IN_DELIVERY.
     */
    public record RequestDeliveryStarted(
            UUID requestId, String agencyId, String deliverableId, OffsetDateTime startedAt)
            implements AssistanceEvent {}

    /**
     * {@code assistance.request.delivered.v1}: every deliverable is delivered or cancelled with a
     * reason, and at least one was delivered. Carries each deliverable as it ended.
     */
    public record RequestDelivered(
            UUID requestId, String agencyId, List<Deliverable> deliverables, OffsetDateTime deliveredAt)
            implements AssistanceEvent {}

    /** {@code assistance.request.cancelled.v1}: every deliverable of an approved request was cancelled. */
    public record RequestCancelled(
            UUID requestId, String agencyId, List<Deliverable> deliverables, OffsetDateTime cancelledAt)
            implements AssistanceEvent {}

    /**
     * {@code assistance.request.closed.v1}: the partner confirmed completion, with its satisfaction
     * (1 to 5) and a comment for donors; or, {@code automatic}, the configured time after delivery
     * passed without it (satisfaction and comment null).
     */
    public record RequestClosed(
            UUID requestId,
            String agencyId,
            Integer satisfaction,
            String comment,
            boolean automatic,
            OffsetDateTime closedAt)
            implements AssistanceEvent {}

    /**
     * {@code assistance.request.message-posted.v1}: a message in the conversation of a request
     * between its partner agency and the programme's staff. {@code visibility} is
     * PARTNER_AND_PROGRAMME or INTERNAL (a note between staff): an INTERNAL note's event carries no
     * {@code body}, so nothing of it can reach the partner through a consumer. {@code authorRole}
     * is partner or programme (staff; {@code author} names the person). {@code
     * answersInformationRequest}: the partner's message answered the programme's request for
     * information (the request is back under review).
     */
    public record MessagePosted(
            UUID requestId,
            String agencyId,
            UUID messageId,
            String visibility,
            String authorRole,
            String author,
            UUID inReplyTo,
            String body,
            boolean answersInformationRequest,
            OffsetDateTime postedAt)
            implements AssistanceEvent {}

    /**
     * {@code assistance.request.endorsed.v1}: the State's national focal point endorsed the
     * request (its {@code reference}: the State's own file or letter number). A later decision on
     * the same request replaces an earlier one.
     */
    public record RequestEndorsed(
            UUID requestId,
            String agencyId,
            String country,
            String reference,
            String comment,
            String focalPoint,
            OffsetDateTime endorsedAt)
            implements AssistanceEvent {}

    /**
     * {@code assistance.request.endorsement-declined.v1}: the State's national focal point declined
     * to endorse the request. A later decision on the same request replaces an earlier one.
     */
    public record RequestEndorsementDeclined(
            UUID requestId,
            String agencyId,
            String country,
            String reference,
            String comment,
            String focalPoint,
            OffsetDateTime declinedAt)
            implements AssistanceEvent {}
}
