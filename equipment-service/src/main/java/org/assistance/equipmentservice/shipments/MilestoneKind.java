package org.assistance.equipmentservice.shipments;

/** The customs and transit steps logistics records. */
public enum MilestoneKind {
    CUSTOMS_ENTRY,
    CUSTOMS_HOLD,
    CUSTOMS_RELEASE,
    IN_TRANSIT,
    ARRIVED_IN_COUNTRY
}
