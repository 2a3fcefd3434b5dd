package org.assistance.equipmentservice.assets;

/** What an end-use check found of a unit; anything but IN_USE is a finding. */
public enum CheckResult {
    IN_USE,
    NOT_IN_USE,
    NOT_FOUND,
    TRANSFERRED,
    DAMAGED
}
