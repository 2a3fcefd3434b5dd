package org.assistance.programservice.programmes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.assistance.chassis.validation.CurrencyCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new programme as an admin creates it. */
@Schema(name = "NewProgramme")
public record ProgrammeDraft(
        @NotBlank
        @Size(max = 20)
        @Pattern(regexp = Programme.CODE, message = Programme.CODE_MESSAGE)
        @Schema(example = "GLOCY")
        String code,

        @NotBlank @Size(max = 200) @Schema(example = "Global Programme on Cybercrime")
        String name,

        @NotEmpty @Size(max = Programme.MAX_THEMATIC_AREAS) @Schema(example = "[\"CYBERCRIME\", \"MONEY_LAUNDERING\"]")
        Set<@NotBlank @Size(max = 40) String> thematicAreas,

        @NotNull @CurrencyCode @Size(min = 3, max = 3) @Schema(example = "USD")
        String currency,

        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "[A-Za-z0-9._-]+", message = "{programme.iati-activity-prefix}")
        @Schema(example = "XM-DAC-41146-GLOCY")
        String iatiActivityPrefix) {}
