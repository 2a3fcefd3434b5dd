package org.assistance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One shipment as the dashboards see it: its milestones as times, and how long it was held. */
public class ShipmentFacts {
    public UUID shipmentId;
    public UUID requestId;

    public String destination;
    public List<String> categories = new ArrayList<>();

    public int units;
    public BigDecimal valueAmount;
    public String valueCurrency;
    public OffsetDateTime plannedAt;
    public OffsetDateTime heldAt;
    public List<String> heldCategories = new ArrayList<>();
    public OffsetDateTime clearedAt;
    public long heldSeconds;
    public OffsetDateTime dispatchedAt;

    public String mode;
    public LocalDate expectedDelivery;
    /** When it is due, as its dispatch event said; null when the event said nothing (no due date known). */
    public OffsetDateTime dueBy;

    public OffsetDateTime deliveredAt;
    public OffsetDateTime receivedAt;
    /** The latest hold: a shipment cleared and then held again (a rule added later) is held now. */
    public OffsetDateTime lastHeldAt;

    public OffsetDateTime cancelledAt;
    public List<String> itemCodes = new ArrayList<>();
}
