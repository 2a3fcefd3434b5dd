package org.assistance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.Values.DonorAmount;
import org.assistance.chassis.events.Values.DonorShare;

/** Money committed by an approval, disbursed by an activity or spent on equipment delivered, as one event told it. */
public class MoneyFacts {
    public static final String COMMITTED = "COMMITTED";
    public static final String DISBURSED = "DISBURSED";
    /** Equipment delivered: its value spent. */
    public static final String EXPENDITURE = "EXPENDITURE";

    public UUID eventId;
    public UUID requestId;
    public String programmeCode;

    public String kind;
    public BigDecimal amount;
    public String currency;
    public OffsetDateTime occurredAt;
    /** The event's own split by donor (null in first-version events and for equipment delivered). */
    public List<DonorAmount> split;
    /** The programme's donors the event named (the fallback basis of a first-version event). */
    public List<DonorShare> donors = new ArrayList<>();
}
