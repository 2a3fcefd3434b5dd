package org.assistance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.Values.Translation;

/**
 * One request as the dashboards see it. Milestones are kept as times (the first or last one,
 * whichever the milestone means); the stage is derived from them where it is read, so a late
 * or repeated event never moves a request backwards.
 */
public class RequestFacts {
    public UUID requestId;
    public String agencyId;

    public String country;
    public String thematicArea;

    public String priority;
    public String title;
    /** The ISO 639-1 language the title and needs statement are written in; null: English. */
    public String language;

    public String needsStatement;
    /** The partner's translations of the title and needs statement (an amendment replaces them). */
    public List<Translation> translations = new ArrayList<>();

    public LocalDate desiredBy;
    public OffsetDateTime submittedAt;
    public OffsetDateTime informationRequestedAt;
    public OffsetDateTime approvedAt;
    public OffsetDateTime rejectedAt;
    public OffsetDateTime withdrawnAt;
    public OffsetDateTime firstDispatchAt;
    public OffsetDateTime deliveredAt;
    public OffsetDateTime receivedAt;

    public Boolean partial;
    public String programmeCode;
    public List<String> donors = new ArrayList<>();
    public BigDecimal approvedAmount;
    public String approvedCurrency;
    public int approvedUnits;
    public int acceptedUnits;
    public int rejectedUnits;
    public int activitiesDelivered;
    public OffsetDateTime updatedAt;
    public List<String> assistanceTypes = new ArrayList<>();
    public OffsetDateTime deliveryStartedAt;
    public OffsetDateTime cancelledAt;
    public OffsetDateTime closedAt;

    public Integer satisfaction;
    public Boolean closedAutomatically;
    public int activitiesCancelled;

    static OffsetDateTime earliest(OffsetDateTime current, OffsetDateTime candidate) {
        return current == null || (candidate != null && candidate.isBefore(current)) ? candidate : current;
    }

    static OffsetDateTime latest(OffsetDateTime current, OffsetDateTime candidate) {
        return current == null || (candidate != null && candidate.isAfter(current)) ? candidate : current;
    }
}
