package org.assistance.equipmentservice.catalogue;

public enum ItemCategory {
    FORENSIC_IT,
    COMMUNICATIONS,
    SURVEILLANCE,
    VEHICLES,
    PROTECTIVE_GEAR,
    FIREARMS_MARKING,
    LABORATORY,
    OFFICE_IT,
    TRAINING_MATERIAL
}
