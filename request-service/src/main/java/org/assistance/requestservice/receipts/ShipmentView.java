package org.assistance.requestservice.receipts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.chassis.validation.MoneyInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A shipment on its way to the agency, as the API shows it. */
@Schema(name = "IncomingShipment")
public record ShipmentView(
        UUID shipmentId,
        IncomingShipment.Stage stage,
        @Schema(maxItems = ReceiptDraft.MAX_LINES) List<ShippedLine> lines,

        @Schema(
                maxItems = MAX_UNITS,
                description = "The units dispatched with serial numbers, in the order of the dispatch (what the"
                        + " receipt confirms by serial number); empty when none were recorded")
        List<Unit> units,

        OffsetDateTime updatedAt) {
    /** The units one dispatch names at most (equipment-service's bound). */
    static final int MAX_UNITS = 10_000;

    static ShipmentView of(IncomingShipment s, List<UnitSerial> units) {
        return new ShipmentView(
                s.id,
                s.stage,
                s.lines.stream().map(ShippedLine::of).toList(),
                units.stream().map(Unit::of).toList(),
                s.updatedAt);
    }

    /** One unit of the shipment by the serial number it was dispatched with. */
    @Schema(name = "ShipmentUnit")
    public record Unit(
            @Schema(maxLength = ReceiptDraft.MAX_ITEM_CODE, example = "FOR-WB-001")
            String itemCode,

            @Schema(maxLength = DispatchedUnit.MAX_SERIAL, example = "SN-4711")
            String serialNumber) {
        static Unit of(UnitSerial unit) {
            return new Unit(unit.itemCode(), unit.serialNumber());
        }
    }

    /**
     * One line of a shipment as equipment-service planned it (its catalogue's bounds: code 50,
     * name 200, category 30).
     */
    @Schema(name = "ShipmentLine")
    public record ShippedLine(
            @Schema(maxLength = ReceiptDraft.MAX_ITEM_CODE) String itemCode,
            @Schema(maxLength = 200) String itemName,
            @Schema(maxLength = 30) String category,
            boolean dualUse,

            @Schema(minimum = "1", maximum = "" + ReceiptDraft.MAX_UNITS)
            int quantity,

            MoneyInput unitCost) {
        static ShippedLine of(ShipmentLine line) {
            return new ShippedLine(
                    line.itemCode(),
                    line.itemName(),
                    line.category(),
                    line.dualUse(),
                    line.quantity(),
                    line.unitCost() == null
                            ? null
                            : new MoneyInput(
                                    line.unitCost().amount(), line.unitCost().currency()));
        }
    }
}
