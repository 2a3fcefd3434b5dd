package org.assistance.programservice.results;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.assistance.chassis.events.ResultEvents.Computation;
import org.assistance.chassis.events.ResultEvents.IndicatorKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An indicator of a programme's results framework, as an admin or reviewer defines it. */
@Schema(name = "IndicatorDraft")
public record IndicatorDraft(
        @NotBlank @Size(max = 200) @Schema(required = true, example = "Investigators trained in mobile forensics")
        String title,

        @NotNull @Schema(required = true, example = "OUTPUT")
        IndicatorKind kind,

        @Size(max = 40)
        @Schema(
                example = "participants",
                description = "\"%\" makes it a percentage (values 0 to 100); required unless a computation is "
                        + "named, whose unit it then must be (it defaults to it)")
        String unit,

        @Valid IndicatorFigure baseline,

        @Valid @Schema(description = "Its year not before the baseline's")
        IndicatorFigure target,

        @Size(max = 5)
        @Pattern(regexp = SDG_TARGET, message = "{indicator.sdg-target}")
        @Schema(example = "16.4", maxLength = 5, pattern = SDG_TARGET)
        String sdgTarget,

        @Schema(
                description = "What the platform measures it from (then nobody enters its measurements): "
                        + "PARTICIPANTS_TRAINED (unit participants), EQUIPMENT_ACCEPTED (units), "
                        + "REQUESTS_DELIVERED_ON_TIME (%)")
        Computation computation) {

    /** A Sustainable Development Goal target: goal 1 to 17, then a number or a letter ("16.4", "16.a", "5.2"). */
    public static final String SDG_TARGET = "^(1[0-7]|[1-9])\\.([1-9][0-9]?|[a-z])$";
}
