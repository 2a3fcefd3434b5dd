package org.assistance.equipmentservice.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an item leaves the catalogue. */
@Schema(name = "ItemWithdrawal")
public record ItemWithdrawal(
        @NotBlank @Size(max = 2_000) @Schema(example = "Superseded by FOR-WB-002")
        String reason) {}
