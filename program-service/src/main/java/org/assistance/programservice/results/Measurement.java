package org.assistance.programservice.results;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.assistance.chassis.events.ResultEvents.Sex;

/**
 * A value entered for an indicator the platform does not compute, for a period, with where the
 * figure comes from; country and sex disaggregate it (both null: the programme's whole figure).
 */
@Entity
@Table(name = "indicator_measurements")
public class Measurement extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "indicator_id")
    public UUID indicatorId;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    public BigDecimal value;

    public String country;

    @Enumerated(EnumType.STRING)
    public Sex sex;

    public String source;

    public String note;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
