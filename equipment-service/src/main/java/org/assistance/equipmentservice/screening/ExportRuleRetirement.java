package org.assistance.equipmentservice.screening;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a rule no longer holds anything. */
@Schema(name = "ExportRuleRetirement")
public record ExportRuleRetirement(
        @NotBlank @Size(max = 2_000) @Schema(example = "Sanctions lifted by Council Decision (CFSP) 2027/12")
        String reason) {}
