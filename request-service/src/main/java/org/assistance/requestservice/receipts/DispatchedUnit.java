package org.assistance.requestservice.receipts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;
import org.assistance.chassis.events.Values.UnitSerial;

/** One unit of a shipment by the serial number equipment-service recorded for it at dispatch. */
@Entity
@Table(name = "dispatched_units")
public class DispatchedUnit extends PanacheEntityBase {
    /** A serial number as equipment-service records it (its pattern allows 64 characters). */
    static final int MAX_SERIAL = 64;

    @EmbeddedId
    public Key key;

    @Column(name = "item_code")
    public String itemCode;

    /** Where the unit stood in the dispatch event's list. */
    @Column(name = "dispatch_order")
    public int dispatchOrder;

    @Embeddable
    public record Key(
            @Column(name = "shipment_id") UUID shipmentId,
            @Column(name = "serial_number") String serialNumber) implements Serializable {}

    UnitSerial serial() {
        return new UnitSerial(itemCode, key.serialNumber());
    }
}
