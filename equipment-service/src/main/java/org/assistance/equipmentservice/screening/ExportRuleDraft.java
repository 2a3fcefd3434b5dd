package org.assistance.equipmentservice.screening;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import org.assistance.chassis.events.Values.BarrierBasis;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.texts.Text;
import org.assistance.chassis.validation.CountryCode;
import org.assistance.equipmentservice.catalogue.ItemCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rule as an admin writes it, to add or to change one. */
@Schema(name = "ExportRuleDraft")
public record ExportRuleDraft(
        @NotBlank
        @Size(max = 2)
        @Pattern(regexp = "\\*|[A-Z]{2}", message = "{export-rule.destination}")
        @Schema(example = "KE")
        String destination,

        @NotBlank
        @Size(max = 30)
        @Schema(example = "SURVEILLANCE", description = "an item category, or DUAL_USE for every dual-use item")
        String target,

        @NotNull @Schema(example = "LICENCE_REQUIRED") ExportRule.Measure measure,

        @NotBlank @Size(max = 200) @Schema(example = "Regulation (EU) 2021/821, Annex I 5A001")
        String reference,

        @NotBlank @Size(max = 2_000) @Schema(example = "Interception equipment needs an export licence")
        String reason,

        @NotNull
        @Schema(
                example = "UNILATERAL_MEASURE",
                description = "what the rule rests on: a measure of the UN Security Council, a unilateral "
                        + "measure of a State or organisation, a national export control, or something else")
        BarrierBasis basis,

        @Size(max = ExportRule.MAX_IMPOSED_BY)
        @Schema(
                example = "European Union",
                description = "who imposed it: the Security Council and its regime (e.g. \"UN Security Council "
                        + "(1718 Committee)\"), the imposing State or organisation, or the national authority; "
                        + "required unless basis is OTHER")
        String imposedBy,

        @Size(max = ExportRule.MAX_INSTRUMENT)
        @Schema(
                example = "Council Regulation (EU) 2021/821, Annex I",
                description = "the resolution, act or list it was imposed by (e.g. \"S/RES/2397 (2017)\")")
        String instrument) {

    /**
     * What bean validation cannot say: the target is a category or DUAL_USE, the destination a real
     * country or *, and who imposed the rule is named unless its basis is OTHER.
     */
    void check() {
        boolean category =
                Arrays.stream(ItemCategory.values()).anyMatch(c -> c.name().equals(target));
        if (!category && !ExportRule.DUAL_USE.equals(target)) {
            throw InvalidInput.field(
                    "target", Text.of("export-rule.target", "categories", Arrays.toString(ItemCategory.values())));
        }
        if (!ExportRule.ANY_DESTINATION.equals(destination) && !CountryCode.Validator.isValid(destination)) {
            throw InvalidInput.field("destination", Text.of("export-rule.destination"));
        }
        legalBasis();
    }

    /** What the rule rests on; who imposed it is required unless the basis is OTHER (400 naming imposedBy). */
    ExportRule.LegalBasis legalBasis() {
        return new ExportRule.LegalBasis(basis, imposedBy, instrument);
    }
}
