package org.assistance.equipmentservice.shipments;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What stopped or slowed a shipment, other than a screening rule. */
@Schema(name = "ImpedimentKind")
public enum ImpedimentKind {
    CARRIER_REFUSAL,
    BANK_REFUSAL,
    SUPPLIER_REFUSAL,
    INSURER_REFUSAL,
    LICENCE_DENIED,
    LICENCE_DELAYED,
    OTHER
}
