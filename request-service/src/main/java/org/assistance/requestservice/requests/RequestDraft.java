package org.assistance.requestservice.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.texts.Text;
import org.assistance.chassis.validation.CountryCode;
import org.assistance.chassis.validation.MoneyInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a partner agency sends to ask for assistance (and to amend it). The agency is never
 * part of it: it comes from the token.
 */
@Schema(name = "RequestDraft", description = "An assistance request as a partner agency submits or amends it")
public record RequestDraft(
        @NotNull
        @CountryCode
        @Schema(
                example = "KE",
                minLength = 2,
                maxLength = 2,
                pattern = "^[A-Z]{2}$",
                description = "ISO 3166-1 alpha-2 country code")
        String country,

        @NotNull @Valid RequestingAuthorityInput requestingAuthority,
        @NotNull @Schema(example = "CYBERCRIME") ThematicArea thematicArea,

        @NotEmpty
        @Size(max = ASSISTANCE_TYPES)
        @Schema(example = "[\"TRAINING\", \"EQUIPMENT\"]", uniqueItems = true, description = "Each kind at most once")
        List<@NotNull AssistanceType> assistanceTypes,

        @NotNull @Schema(example = "HIGH") Priority priority,

        @NotBlank
        @Size(max = MAX_TITLE)
        @Schema(example = "Digital forensics capacity for the national cybercrime unit")
        String title,

        @NotBlank
        @Size(max = MAX_NEEDS)
        @Schema(example = "Ransomware cases doubled since 2024; the unit has no write blockers or trained examiners.")
        String needsStatement,

        @NotNull @FutureOrPresent @Schema(example = "2027-06-30", description = "From today to ten years from today")
        LocalDate desiredBy,

        @Size(max = MAX_EQUIPMENT_LINES) List<@NotNull @Valid EquipmentLineInput> equipmentLines,
        @Size(max = MAX_TRAINING_NEEDS) List<@NotNull @Valid TrainingNeedInput> trainingNeeds,
        @Valid MoneyInput estimatedValue,

        // left out of the JSON when absent: a body without it keeps the idempotency fingerprint it always had
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "The State's national priority the request answers (GET /api/v1/countries/{country}/"
                        + "priorities); it must be one of the request's own country")
        UUID priorityId,

        // absent (the default, English) is left out of the JSON: the idempotency fingerprint stays as it was
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @LanguageCode
        @Schema(
                example = "es",
                minLength = 2,
                maxLength = 2,
                pattern = "^[a-z]{2}$",
                defaultValue = "en",
                description = "ISO 639-1 code (lower case) of the language the title and needs statement are written "
                        + "in; English when absent")
        String language,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = MAX_TRANSLATIONS)
        @Schema(
                maxItems = MAX_TRANSLATIONS,
                description = "The title (and, if translated, the needs statement) in other languages: each language "
                        + "at most once, none the request's own language")
        List<@NotNull @Valid TranslationInput> translations) {
    /** As many kinds of assistance as there are: each may be named once. */
    static final int ASSISTANCE_TYPES = 6;

    static final int MAX_TITLE = 200;
    static final int MAX_NEEDS = 10_000;
    static final int MAX_EQUIPMENT_LINES = 100;
    static final int MAX_TRAINING_NEEDS = 50;
    /** How far ahead a request may plan: further is a typo (year 20270), and beyond the database's dates. */
    static final int MAX_YEARS_AHEAD = 10;
    /** Translations of the title and needs statement one request carries. */
    static final int MAX_TRANSLATIONS = 10;
    /** The language of a request that names none. */
    static final String ENGLISH = "en";

    @Schema(name = "RequestingAuthority")
    public record RequestingAuthorityInput(
            @NotBlank @Size(max = 200) @Schema(example = "Directorate of Criminal Investigations")
            String name,

            @NotNull @Schema(example = "POLICE") AuthorityKind kind) {}

    @Schema(name = "EquipmentLine")
    public record EquipmentLineInput(
            @NotBlank @Size(max = 50) @Schema(example = "FOR-WB-001")
            String itemCode,

            @Min(1) @Max(10_000) @Schema(example = "4") int quantity,

            @NotBlank @Size(max = 2_000) @Schema(example = "One per regional forensic lab")
            String justification) {}

    @Schema(name = "TrainingNeed")
    public record TrainingNeedInput(
            @NotBlank @Size(max = 200) @Schema(example = "Mobile device forensics")
            String topic,

            @Min(1) @Max(10_000) @Schema(example = "20") int expectedParticipants) {}

    @Schema(name = "RequestTranslation", description = "The request's title and needs statement in another language")
    public record TranslationInput(
            @NotNull
            @LanguageCode
            @Schema(example = "fr", minLength = 2, maxLength = 2, pattern = "^[a-z]{2}$", description = "ISO 639-1")
            String language,

            @NotBlank
            @Size(max = MAX_TITLE)
            @Schema(example = "Capacités de criminalistique numérique pour l'unité de lutte contre la cybercriminalité")
            String title,

            @Size(max = MAX_NEEDS)
            @Schema(
                    example = "Les affaires de rançongiciels ont doublé depuis 2024 ; l'unité n'a ni bloqueurs "
                            + "d'écriture ni examinateurs formés.",
                    description = "Optional: only the title may be translated")
            String needsStatement) {}

    /** The language the title and needs statement are written in: English unless named. */
    String languageOrEnglish() {
        return language == null ? ENGLISH : language;
    }

    /** The same draft whatever the order of its set (for comparing two submissions). */
    RequestDraft canonical() {
        return new RequestDraft(
                country,
                requestingAuthority,
                thematicArea,
                List.copyOf(new TreeSet<>(assistanceTypes)),
                priority,
                title,
                needsStatement,
                desiredBy,
                equipmentLines,
                trainingNeeds,
                estimatedValue,
                priorityId,
                language,
                translations);
    }

    /** The draft that would produce this request again (the base an amendment is applied to). */
    static RequestDraft of(AssistanceRequest r) {
        return new RequestDraft(
                r.country,
                new RequestingAuthorityInput(r.authorityName, r.authorityKind),
                r.thematicArea,
                List.copyOf(new TreeSet<>(r.assistanceTypes)),
                r.priority,
                r.title,
                r.needsStatement,
                r.desiredBy,
                r.equipmentLines.stream()
                        .map(l -> new EquipmentLineInput(l.itemCode(), l.quantity(), l.justification()))
                        .toList(),
                r.trainingNeeds.stream()
                        .map(t -> new TrainingNeedInput(t.topic(), t.expectedParticipants()))
                        .toList(),
                r.estimatedAmount == null ? null : new MoneyInput(r.estimatedAmount, r.estimatedCurrency),
                r.priorityId,
                r.language,
                r.translations == null
                        ? List.of()
                        : r.translations.stream()
                                .map(t -> new TranslationInput(t.language(), t.title(), t.needsStatement()))
                                .toList());
    }

    /** The rules that span fields: equipment lines iff EQUIPMENT, training needs only with TRAINING. */
    void checkConsistency() {
        List<InvalidInput.Field> errors = new ArrayList<>();
        if (new TreeSet<>(assistanceTypes).size() < assistanceTypes.size()) {
            errors.add(new InvalidInput.Field("assistanceTypes", Text.of("assistance-types.repeated")));
        }
        boolean equipment = assistanceTypes.contains(AssistanceType.EQUIPMENT);
        boolean hasLines = equipmentLines != null && !equipmentLines.isEmpty();
        if (equipment && !hasLines) {
            errors.add(new InvalidInput.Field("equipmentLines", Text.of("request.equipment-lines-required")));
        } else if (!equipment && hasLines) {
            errors.add(new InvalidInput.Field("equipmentLines", Text.of("request.equipment-lines-not-allowed")));
        }
        boolean training = assistanceTypes.contains(AssistanceType.TRAINING);
        boolean hasNeeds = trainingNeeds != null && !trainingNeeds.isEmpty();
        if (training && !hasNeeds) {
            errors.add(new InvalidInput.Field("trainingNeeds", Text.of("request.training-needs-required")));
        } else if (!training && hasNeeds) {
            errors.add(new InvalidInput.Field("trainingNeeds", Text.of("request.training-needs-not-allowed")));
        }
        if (desiredBy.isAfter(LocalDate.now().plusYears(MAX_YEARS_AHEAD))) {
            errors.add(new InvalidInput.Field(
                    "desiredBy", Text.of("request.desired-by-too-far", "years", MAX_YEARS_AHEAD)));
        }
        checkTranslations(errors);
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
    }

    /** Each translation in a language of its own, not the request's; a needs statement given is not blank. */
    private void checkTranslations(List<InvalidInput.Field> errors) {
        if (translations == null) {
            return;
        }
        Set<String> languages = new HashSet<>();
        for (int i = 0; i < translations.size(); i++) {
            TranslationInput translation = translations.get(i);
            String field = "translations[" + i + "]";
            if (translation.language().equals(languageOrEnglish())) {
                errors.add(new InvalidInput.Field(
                        field + ".language",
                        Text.of("request.translation-in-own-language", "language", languageOrEnglish())));
            } else if (!languages.add(translation.language())) {
                errors.add(new InvalidInput.Field(
                        field + ".language",
                        Text.of("request.translation-language-repeated", "language", translation.language())));
            }
            if (translation.needsStatement() != null
                    && translation.needsStatement().isBlank()) {
                errors.add(new InvalidInput.Field(field + ".needsStatement", Text.of("request.blank-when-given")));
            }
        }
    }
}
