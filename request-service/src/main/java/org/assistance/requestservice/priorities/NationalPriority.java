package org.assistance.requestservice.priorities;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assistance.chassis.events.CountryEvents.PriorityStated;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.texts.Text;
import org.assistance.requestservice.requests.AssistanceType;
import org.assistance.requestservice.requests.ThematicArea;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * A national priority for technical assistance, stated by a State through its focal point (or by
 * an admin for it): the area, the kinds of assistance it calls for, the national strategy or plan
 * it comes from, the period it covers and its rank among the State's priorities (1 first).
 */
@Entity
@Table(name = "national_priorities")
public class NationalPriority extends PanacheEntityBase {
    static final int MAX_TITLE = 200;
    static final int MAX_STRATEGY_REFERENCE = 500;
    static final int HIGHEST_RANK = 1;
    static final int LOWEST_RANK = 100;
    /** The column's width; a longer token subject is shortened rather than failing the statement. */
    static final int MAX_STATED_BY = 200;
    /** The dates a period may name: anything outside is a typo (year 20270), and beyond the database's dates. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    @Id
    public UUID id;

    public String country;

    @Column(name = "rank")
    public int rank;

    public String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "thematic_area")
    public ThematicArea thematicArea;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "assistance_types")
    public Set<AssistanceType> assistanceTypes;

    @Column(name = "strategy_reference")
    public String strategyReference;

    @Column(name = "period_from")
    public LocalDate periodFrom;

    @Column(name = "period_to")
    public LocalDate periodTo;

    @Column(name = "stated_by")
    public String statedBy;

    @Column(name = "stated_at")
    public OffsetDateTime statedAt;

    /** A new priority of the State, once its fields agree with each other (else 400 naming each field). */
    static NationalPriority state(UUID id, String country, PriorityDraft draft, String statedBy, OffsetDateTime now) {
        List<InvalidInput.Field> errors = new ArrayList<>();
        if (new TreeSet<>(draft.assistanceTypes()).size()
                < draft.assistanceTypes().size()) {
            errors.add(new InvalidInput.Field("assistanceTypes", Text.of("assistance-types.repeated")));
        }
        requirePlausible("periodFrom", draft.periodFrom(), errors);
        requirePlausible("periodTo", draft.periodTo(), errors);
        if (draft.periodTo().isBefore(draft.periodFrom())) {
            errors.add(new InvalidInput.Field("periodTo", Text.of("national-priority.period-order")));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        NationalPriority priority = new NationalPriority();
        priority.id = id;
        priority.country = country;
        priority.rank = draft.rank();
        priority.title = draft.title().strip();
        priority.thematicArea = draft.thematicArea();
        priority.assistanceTypes = new TreeSet<>(draft.assistanceTypes());
        priority.strategyReference = draft.strategyReference().strip();
        priority.periodFrom = draft.periodFrom();
        priority.periodTo = draft.periodTo();
        priority.statedBy = statedBy.length() > MAX_STATED_BY ? statedBy.substring(0, MAX_STATED_BY) : statedBy;
        priority.statedAt = now;
        return priority;
    }

    private static void requirePlausible(String field, LocalDate date, List<InvalidInput.Field> errors) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            errors.add(new InvalidInput.Field(
                    field, Text.of("date.between", "earliest", EARLIEST.toString(), "latest", LATEST.toString())));
        }
    }

    PriorityStated statedEvent() {
        return new PriorityStated(
                id,
                country,
                rank,
                title,
                thematicArea.name(),
                assistanceTypes.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)),
                strategyReference,
                periodFrom,
                periodTo,
                statedBy,
                statedAt);
    }
}
