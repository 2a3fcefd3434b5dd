package org.assistance.equipmentservice.stock;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.assistance.chassis.validation.CountryCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A warehouse as an admin registers it, and as the registration answers it. */
@Schema(name = "Warehouse")
public record WarehouseDetails(
        @NotBlank
        @Size(max = 20)
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*", message = "{warehouse.code}")
        @Schema(example = "VIE-1")
        String code,

        @NotBlank @Size(max = 200) @Schema(example = "Vienna central warehouse")
        String name,

        @NotNull @CountryCode @Size(min = 2, max = 2) @Schema(example = "AT")
        String country) {}
