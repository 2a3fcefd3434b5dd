package org.assistance.equipmentservice.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.assistance.chassis.validation.MoneyInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new description or price for an item (its code stays). */
@Schema(name = "CatalogueItemChange")
public record CatalogueItemChange(
        @NotBlank @Size(max = 200) @Schema(example = "Forensic write blocker kit")
        String name,

        @NotNull @Schema(example = "FORENSIC_IT") ItemCategory category,
        @NotNull @Valid MoneyInput unitCost,
        boolean dualUse,
        @Size(max = 20) @Schema(example = "5A002") String exportControlClass) {}
