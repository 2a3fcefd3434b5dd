package org.assistance.requestservice.priorities;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.assistance.requestservice.requests.AssistanceType;
import org.assistance.requestservice.requests.ThematicArea;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A national priority as the State's focal point (or an admin for the State) states it. */
@Schema(name = "NationalPriorityDraft", description = "A State's national priority for technical assistance")
public record PriorityDraft(
        @NotBlank
        @Size(max = NationalPriority.MAX_TITLE)
        @Schema(example = "Capacity of the national cybercrime unit to handle digital evidence")
        String title,

        @NotNull @Schema(example = "CYBERCRIME") ThematicArea thematicArea,

        @NotEmpty
        @Size(max = ASSISTANCE_TYPES)
        @Schema(example = "[\"TRAINING\", \"EQUIPMENT\"]", uniqueItems = true, description = "Each kind at most once")
        List<@NotNull AssistanceType> assistanceTypes,

        @NotBlank
        @Size(max = NationalPriority.MAX_STRATEGY_REFERENCE)
        @Schema(
                example = "National Cybercrime Strategy 2025-2029, pillar 2",
                description = "The national strategy or plan the priority comes from, and where in it")
        String strategyReference,

        @NotNull @Schema(example = "2025-01-01", description = "First day the priority covers (2000 to 2100)")
        LocalDate periodFrom,

        @NotNull
        @Schema(
                example = "2029-12-31",
                description = "Last day the priority covers, not before periodFrom (2000 to 2100)")
        LocalDate periodTo,

        @Min(NationalPriority.HIGHEST_RANK)
        @Max(NationalPriority.LOWEST_RANK)
        @Schema(example = "1", description = "Its rank among the State's priorities, 1 first")
        int rank) {
    /** As many kinds of assistance as there are: each may be named once. */
    static final int ASSISTANCE_TYPES = 6;
}
