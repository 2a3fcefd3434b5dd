package org.assistance.requestservice.requests;

public enum Priority {
    LOW,
    MEDIUM,
    HIGH,
    URGENT
}
