package org.assistance.equipmentservice.shipments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.equipmentservice.assets.Asset;
import org.assistance.equipmentservice.catalogue.CatalogueItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One unit leaving with a shipment, by the serial number on it. */
@Schema(name = "DispatchedUnit")
public record DispatchedUnit(
        @NotBlank
        @Size(max = 50)
        @Pattern(regexp = CatalogueItem.CODE, message = CatalogueItem.CODE_MESSAGE)
        @Schema(example = "FOR-WB-001", description = "the item of one of the shipment's lines")
        String itemCode,

        @NotBlank
        @Size(max = Asset.MAX_SERIAL)
        @Pattern(regexp = Asset.SERIAL, message = Asset.SERIAL_MESSAGE)
        @Schema(example = "SN-2027-000481")
        String serialNumber) {
    UnitSerial toUnit() {
        return new UnitSerial(itemCode, serialNumber);
    }
}
