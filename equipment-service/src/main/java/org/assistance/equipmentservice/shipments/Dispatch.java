package org.assistance.equipmentservice.shipments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.assistance.equipmentservice.assets.UnitsAtDispatch;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a shipment leaves: by which mode and carrier, under which tracking reference, and the serial
 * number of each unit (required for every unit of a dual-use line, and of every line of a shipment
 * cleared under an export licence; optional otherwise, but then one per unit of the line).
 */
@Schema(name = "Dispatch")
public record Dispatch(
        @NotNull @Schema(example = "AIR") Shipment.Mode mode,

        @NotBlank @Size(max = 200) @Schema(example = "Kenya Airways Cargo")
        String carrier,

        @NotBlank @Size(max = 200) @Schema(example = "KQ-706-553211")
        String trackingReference,

        @FutureOrPresent @Schema(example = "2027-02-10") LocalDate expectedDelivery,

        @Size(max = UnitsAtDispatch.MAX_UNITS)
        @Schema(
                description = "the serial number of each unit, as many per item as the shipment carries of it: "
                        + "required for monitored lines (dual-use, or any line of a shipment cleared under an export "
                        + "licence)")
        List<@NotNull @Valid DispatchedUnit> units) {}
