package org.assistance.equipmentservice.assets;

/**
 * Where a unit of equipment is: handed to the carrier, delivered to the end user, then accepted
 * (RECEIVED) or rejected by the partner at receipt.
 */
public enum AssetStatus {
    DISPATCHED,
    DELIVERED,
    RECEIVED,
    REJECTED
}
