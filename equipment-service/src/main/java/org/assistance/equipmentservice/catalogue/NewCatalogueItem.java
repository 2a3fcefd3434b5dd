package org.assistance.equipmentservice.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.assistance.chassis.validation.MoneyInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An item an admin adds to the catalogue. */
@Schema(name = "NewCatalogueItem")
public record NewCatalogueItem(
        @NotBlank
        @Size(max = 50)
        @Pattern(regexp = CatalogueItem.CODE, message = CatalogueItem.CODE_MESSAGE)
        @Schema(example = "FOR-WB-001")
        String code,

        @NotBlank @Size(max = 200) @Schema(example = "Forensic write blocker kit")
        String name,

        @NotNull @Schema(example = "FORENSIC_IT") ItemCategory category,
        @NotNull @Valid MoneyInput unitCost,
        boolean dualUse,
        @Size(max = 20) @Schema(example = "5A002") String exportControlClass) {}
