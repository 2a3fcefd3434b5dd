package org.assistance.equipmentservice.shipments;

public enum ShipmentStatus {
    PLANNED,
    HELD,
    CLEARED,
    DISPATCHED,
    IN_TRANSIT,
    DELIVERED,
    RECEIVED,
    CANCELLED
}
