package org.assistance.equipmentservice.shipments;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a shipment leaves: by which mode and carrier, under which tracking reference. */
@Schema(name = "Dispatch")
public record Dispatch(
        @NotNull @Schema(example = "AIR") Shipment.Mode mode,

        @NotBlank @Size(max = 200) @Schema(example = "Kenya Airways Cargo")
        String carrier,

        @NotBlank @Size(max = 200) @Schema(example = "KQ-706-553211")
        String trackingReference,

        @FutureOrPresent @Schema(example = "2027-02-10") LocalDate expectedDelivery) {}
