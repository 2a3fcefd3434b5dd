package org.assistance.programservice.programmes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.assistance.chassis.validation.CountryCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a contribution is earmarked for: countries and/or thematic areas (an empty list: any). */
@Schema(name = "Earmark")
public record Earmark(
        @Size(max = 50) @Schema(example = "[\"KE\"]")
        List<@NotNull @CountryCode @Size(min = 2, max = 2) String> countries,

        @Size(max = 20) @Schema(example = "[\"CYBERCRIME\"]")
        List<@NotBlank @Size(max = 40) String> thematicAreas) {

    boolean namesNothing() {
        return (countries == null || countries.isEmpty()) && (thematicAreas == null || thematicAreas.isEmpty());
    }
}
