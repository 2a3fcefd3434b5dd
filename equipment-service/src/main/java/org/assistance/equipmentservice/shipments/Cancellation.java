package org.assistance.equipmentservice.shipments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a shipment, or what a backorder still waits for, will not go. */
@Schema(name = "Cancellation")
public record Cancellation(
        @NotBlank @Size(max = 2_000) @Schema(example = "Replaced by a shipment from another warehouse")
        String reason) {}
