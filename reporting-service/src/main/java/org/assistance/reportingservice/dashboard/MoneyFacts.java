package org.assistance.reportingservice.dashboard;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.Values.DonorAmount;
import org.assistance.chassis.events.Values.DonorShare;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Money committed by an approval, disbursed by an activity or spent on equipment delivered, as one event told it. */
@Entity
@Table(name = "money_facts")
public class MoneyFacts extends PanacheEntityBase {
    public static final String COMMITTED = "COMMITTED";
    public static final String DISBURSED = "DISBURSED";
    /** Equipment delivered: its value spent. */
    public static final String EXPENDITURE = "EXPENDITURE";

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "programme_code")
    public String programmeCode;

    public String kind;
    public BigDecimal amount;
    public String currency;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    /** The event's own split by donor (null in first-version events and for equipment delivered). */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<DonorAmount> split;
    /** The programme's donors the event named (the fallback basis of a first-version event). */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<DonorShare> donors = new ArrayList<>();
}
