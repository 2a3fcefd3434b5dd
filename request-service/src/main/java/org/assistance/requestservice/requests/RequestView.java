package org.assistance.requestservice.requests;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.validation.MoneyInput;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request as the API shows it. Every bound below is one the request was accepted under
 * (RequestDraft) or the database column's; nested parts reuse the submission's own schemas.
 */
@Schema(name = "AssistanceRequest")
public record RequestView(
        UUID id,

        @Schema(maxLength = AssistanceRequest.MAX_AGENCY, description = "The partner agency (from its token)")
        String agencyId,

        RequestStatus status,

        @Schema(minLength = 2, maxLength = 2, pattern = "^[A-Z]{2}$", description = "ISO 3166-1 alpha-2")
        String country,

        RequestDraft.RequestingAuthorityInput requestingAuthority,
        ThematicArea thematicArea,
        @Schema(maxItems = RequestDraft.ASSISTANCE_TYPES) Set<AssistanceType> assistanceTypes,
        Priority priority,
        @Schema(maxLength = RequestDraft.MAX_TITLE) String title,
        @Schema(maxLength = RequestDraft.MAX_NEEDS) String needsStatement,

        @Schema(
                example = "es",
                minLength = 2,
                maxLength = 2,
                pattern = "^[a-z]{2}$",
                description = "ISO 639-1 code of the language the title and needs statement are written in")
        String language,

        @Schema(
                maxItems = RequestDraft.MAX_TRANSLATIONS,
                description = "The title and needs statement in other languages, as the agency gave them")
        List<RequestDraft.TranslationInput> translations,

        LocalDate desiredBy,
        @Schema(maxItems = RequestDraft.MAX_EQUIPMENT_LINES) List<RequestDraft.EquipmentLineInput> equipmentLines,
        @Schema(maxItems = RequestDraft.MAX_TRAINING_NEEDS) List<RequestDraft.TrainingNeedInput> trainingNeeds,
        MoneyInput estimatedValue,
        OffsetDateTime submittedAt,
        OffsetDateTime updatedAt,

        @Schema(
                type = SchemaType.STRING,
                format = "date-time",
                maxLength = 35,
                description = "When every deliverable was delivered or cancelled, at least one delivered")
        OffsetDateTime deliveredAt,

        OffsetDateTime closedAt,

        @Schema(
                minimum = "1",
                maximum = "5",
                description = "The agency's rating at completion, 1 to 5; none when closed automatically")
        Integer satisfaction,

        @Schema(maxLength = RequestResource.MAX_COMMENT) String completionComment,

        @Schema(description = "The State's national priority the request answers, if it names one")
        UUID priorityId,

        @Schema(description = "The State's word on the request through its national focal point; absent before any")
        EndorsementView endorsement,

        @Schema(minimum = "0", maximum = "9223372036854775807", description = "Changes with every amendment; the ETag")
        long version) {

    static RequestView of(AssistanceRequest r) {
        RequestDraft draft = RequestDraft.of(r);
        return new RequestView(
                r.id,
                r.agencyId,
                r.status,
                r.country,
                draft.requestingAuthority(),
                r.thematicArea,
                r.assistanceTypes,
                r.priority,
                r.title,
                r.needsStatement,
                r.language,
                draft.translations(),
                r.desiredBy,
                draft.equipmentLines(),
                draft.trainingNeeds(),
                draft.estimatedValue(),
                r.submittedAt,
                r.updatedAt,
                r.deliveredAt,
                r.closedAt,
                r.satisfaction,
                r.completionComment,
                r.priorityId,
                EndorsementView.of(r),
                r.version);
    }

    /** The latest endorsement decision; a later one replaced any earlier. */
    @Schema(name = "RequestEndorsement")
    public record EndorsementView(
            EndorsementDecision decision,

            @Schema(maxLength = Endorsement.MAX_REFERENCE, description = "The State's own letter or file number")
            String reference,

            @Schema(maxLength = Endorsement.MAX_COMMENT) String comment,

            @Schema(maxLength = StatusChange.MAX_ACTOR, description = "The focal point (its token subject)")
            String by,

            OffsetDateTime at) {
        static EndorsementView of(AssistanceRequest r) {
            return r.endorsementDecision == null
                    ? null
                    : new EndorsementView(
                            r.endorsementDecision,
                            r.endorsementReference,
                            r.endorsementComment,
                            r.endorsedBy,
                            r.endorsedAt);
        }
    }

    @Schema(name = "RequestPage", description = "One page of requests; follow `next` for the following page")
    public record Page(
            @Schema(maxItems = RequestResource.MAX_PAGE) List<RequestView> items,

            @Schema(
                    maxLength = RequestResource.MAX_NEXT_LINK,
                    format = "uri",
                    description = "The next page's URL; absent on the last page")
            String next) {}

    @Schema(name = "StatusChange")
    public record Change(
            RequestStatus from,
            RequestStatus to,
            OffsetDateTime at,

            @Schema(
                    maxLength = StatusChange.MAX_ACTOR,
                    description = "Who made the change: a person's token subject, or the service that reported it")
            String actor,

            @Schema(maxLength = StatusChange.MAX_REASON) String reason) {
        static Change of(StatusChange c) {
            return new Change(c.fromStatus, c.toStatus, c.changedAt, c.actor, c.reason);
        }
    }
}
