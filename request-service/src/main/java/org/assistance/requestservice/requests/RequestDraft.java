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
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.problems.Problem.FieldError;
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
        UUID priorityId) {
    /** As many kinds of assistance as there are: each may be named once. */
    static final int ASSISTANCE_TYPES = 6;

    static final int MAX_TITLE = 200;
    static final int MAX_NEEDS = 10_000;
    static final int MAX_EQUIPMENT_LINES = 100;
    static final int MAX_TRAINING_NEEDS = 50;
    /** How far ahead a request may plan: further is a typo (year 20270), and beyond the database's dates. */
    static final int MAX_YEARS_AHEAD = 10;

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
                priorityId);
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
                r.priorityId);
    }

    /** The rules that span fields: equipment lines iff EQUIPMENT, training needs only with TRAINING. */
    void checkConsistency() {
        List<FieldError> errors = new ArrayList<>();
        if (new TreeSet<>(assistanceTypes).size() < assistanceTypes.size()) {
            errors.add(new FieldError("assistanceTypes", "names a kind of assistance more than once"));
        }
        boolean equipment = assistanceTypes.contains(AssistanceType.EQUIPMENT);
        boolean hasLines = equipmentLines != null && !equipmentLines.isEmpty();
        if (equipment && !hasLines) {
            errors.add(new FieldError("equipmentLines", "are required when EQUIPMENT is asked for"));
        } else if (!equipment && hasLines) {
            errors.add(new FieldError("equipmentLines", "are only allowed when EQUIPMENT is asked for"));
        }
        boolean training = assistanceTypes.contains(AssistanceType.TRAINING);
        boolean hasNeeds = trainingNeeds != null && !trainingNeeds.isEmpty();
        if (training && !hasNeeds) {
            errors.add(new FieldError("trainingNeeds", "are required when TRAINING is asked for"));
        } else if (!training && hasNeeds) {
            errors.add(new FieldError("trainingNeeds", "are only allowed when TRAINING is asked for"));
        }
        if (desiredBy.isAfter(LocalDate.now().plusYears(MAX_YEARS_AHEAD))) {
            errors.add(new FieldError("desiredBy", "must be within " + MAX_YEARS_AHEAD + " years from today"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
