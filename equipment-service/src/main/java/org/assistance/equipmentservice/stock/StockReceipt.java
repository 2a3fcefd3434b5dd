package org.assistance.equipmentservice.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.assistance.equipmentservice.catalogue.CatalogueItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Goods of one item received into a warehouse. */
@Schema(name = "StockReceipt")
public record StockReceipt(
        @NotBlank
        @Size(max = 50)
        @Pattern(regexp = CatalogueItem.CODE, message = CatalogueItem.CODE_MESSAGE)
        @Schema(example = "FOR-WB-001")
        String itemCode,

        @Min(1) @Max(1_000_000) @Schema(example = "25", format = "int32")
        int quantity) {}
