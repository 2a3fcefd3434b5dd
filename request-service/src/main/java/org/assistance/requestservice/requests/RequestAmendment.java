package org.assistance.requestservice.requests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of an amendment as the contract shows it: a JSON merge patch of a RequestDraft, so
 * every field is optional. Only the OpenAPI document uses it; the service applies the patch and
 * validates the amended request as a RequestDraft, with the same bounds as here.
 */
@Schema(
        name = "RequestAmendment",
        description = "A JSON merge patch (RFC 7396) of a RequestDraft: only the fields "
                + "to change, null to remove an optional one; arrays are replaced whole. The amended request must be a valid "
                + "RequestDraft (400 naming each field otherwise).")
record RequestAmendment(
        @Schema(minLength = 2, maxLength = 2, pattern = "^[A-Z]{2}$", example = "KE")
        String country,

        AuthorityChange requestingAuthority,
        ThematicArea thematicArea,

        @Schema(maxItems = RequestDraft.ASSISTANCE_TYPES, minItems = 1)
        Set<AssistanceType> assistanceTypes,

        Priority priority,
        @Schema(maxLength = RequestDraft.MAX_TITLE) String title,
        @Schema(maxLength = RequestDraft.MAX_NEEDS) String needsStatement,
        @Schema(example = "2027-03-31") LocalDate desiredBy,
        @Schema(maxItems = RequestDraft.MAX_EQUIPMENT_LINES) List<RequestDraft.EquipmentLineInput> equipmentLines,
        @Schema(maxItems = RequestDraft.MAX_TRAINING_NEEDS) List<RequestDraft.TrainingNeedInput> trainingNeeds,
        MoneyChange estimatedValue,

        @Schema(description = "A national priority of the request's own country, or null to name none")
        UUID priorityId,

        @Schema(
                minLength = 2,
                maxLength = 2,
                pattern = "^[a-z]{2}$",
                example = "es",
                description = "ISO 639-1 code of the language of the title and needs statement; null for English")
        String language,

        @Schema(
                maxItems = RequestDraft.MAX_TRANSLATIONS,
                description = "The translations, replaced whole; null or [] for none")
        List<RequestDraft.TranslationInput> translations) {

    @Schema(name = "RequestingAuthorityChange")
    record AuthorityChange(@Schema(maxLength = 200) String name, AuthorityKind kind) {}

    @Schema(name = "MoneyChange")
    record MoneyChange(
            @Schema(minimum = "0.01", maximum = "999999999999999.99", multipleOf = 0.01)
            BigDecimal amount,

            @Schema(minLength = 3, maxLength = 3, pattern = "^[A-Z]{3}$")
            String currency) {}
}
