package org.assistance.reportingservice.dashboard;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Money committed by an approval or disbursed by a delivery, as one event told it. */
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
}
