package org.assistance.equipmentservice.screening;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.Values.BarrierBasis;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.texts.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An export-control or sanctions measure: for a destination (or every destination, "*") and an
 * item category (or every dual-use item, "DUAL_USE"), shipping is PROHIBITED or needs a licence.
 * Every rule states what it rests on ({@link LegalBasis}): a measure of the UN Security Council, a
 * unilateral measure of a State or organisation, a national export control, or something else.
 * A rule is never deleted: a change keeps the earlier wording in its revisions, and a rule that
 * no longer applies is retired (who, when, why), after which it holds nothing.
 */
@Entity
@Table(name = "export_rules")
public class ExportRule extends PanacheEntityBase {
    public static final String ANY_DESTINATION = "*";
    public static final String DUAL_USE = "DUAL_USE";
    /** A rule changed more often than this is better retired and made anew: its history stays readable. */
    public static final int MAX_REVISIONS = 100;

    public enum Measure {
        PROHIBITED,
        LICENCE_REQUIRED
    }

    /** The longest name of who imposed a measure, and of the instrument it was imposed by. */
    public static final int MAX_IMPOSED_BY = 200;

    public static final int MAX_INSTRUMENT = 300;

    /**
     * What a rule rests on, stated as a fact: the {@code basis}, who imposed it ({@code imposedBy}:
     * the Security Council and its regime, the imposing State or organisation, or the national
     * authority; required unless the basis is OTHER) and by which {@code instrument} (resolution,
     * act or list), if known.
     */
    public record LegalBasis(BarrierBasis basis, String imposedBy, String instrument) {
        public LegalBasis {
            imposedBy = imposedBy == null || imposedBy.isBlank() ? null : imposedBy.strip();
            instrument = instrument == null || instrument.isBlank() ? null : instrument.strip();
            if (basis == null) {
                throw InvalidInput.field(
                        "basis",
                        Text.of("export-rule.basis-required", "values", Arrays.toString(BarrierBasis.values())));
            }
            if (imposedBy == null && basis != BarrierBasis.OTHER) {
                throw InvalidInput.field(
                        "imposedBy", Text.of("export-rule.imposed-by-required", "basis", basis.name()));
            }
        }
    }

    /** The rule as it read before a change. */
    @Schema(name = "ExportRuleRevision")
    public record Revision(
            @Schema(maxLength = 2, example = "KE") String destination,

            @Schema(maxLength = 30, example = "SURVEILLANCE")
            String target,

            Measure measure,
            @Schema(maxLength = 200) String reference,
            @Schema(maxLength = 2_000) String reason,

            @Schema(description = "what the rule rested on (none for wordings from before bases were recorded)")
            BarrierBasis basis,

            @Schema(maxLength = MAX_IMPOSED_BY) String imposedBy,
            @Schema(maxLength = MAX_INSTRUMENT) String instrument,
            OffsetDateTime validFrom,
            OffsetDateTime replacedAt,
            @Schema(maxLength = 200) String replacedBy) {}

    @Id
    public UUID id;

    public String destination;
    public String target;

    @Enumerated(EnumType.STRING)
    public Measure measure;

    public String reference;
    public String reason;

    @Enumerated(EnumType.STRING)
    public BarrierBasis basis;

    @Column(name = "imposed_by")
    public String imposedBy;

    public String instrument;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Revision> revisions = new ArrayList<>();

    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;

    @Column(name = "retired_by")
    public String retiredBy;

    @Column(name = "retirement_reason")
    public String retirementReason;

    static ExportRule of(
            String destination,
            String target,
            Measure measure,
            String reference,
            String reason,
            LegalBasis legalBasis,
            String by,
            OffsetDateTime at) {
        ExportRule rule = new ExportRule();
        rule.id = UUID.randomUUID();
        rule.destination = destination;
        rule.target = target;
        rule.measure = measure;
        rule.reference = reference;
        rule.reason = reason;
        rule.restOn(legalBasis);
        rule.createdAt = at;
        rule.createdBy = by;
        return rule;
    }

    public boolean isActive() {
        return retiredAt == null;
    }

    void change(
            String newDestination,
            String newTarget,
            Measure newMeasure,
            String newReference,
            String newReason,
            LegalBasis newBasis,
            String by,
            OffsetDateTime at) {
        requireActive("export-rule.retired-cannot-be-changed");
        if (revisions.size() >= MAX_REVISIONS) {
            throw DomainRuleViolation.conflict(Text.of(
                    "export-rule.revisions-full",
                    "rule",
                    String.valueOf(id),
                    "reference",
                    reference,
                    "max",
                    MAX_REVISIONS));
        }
        revisions = new ArrayList<>(revisions);
        revisions.add(new Revision(
                destination,
                target,
                measure,
                reference,
                reason,
                basis,
                imposedBy,
                instrument,
                changedAt != null ? changedAt : createdAt,
                at,
                by));
        destination = newDestination;
        target = newTarget;
        measure = newMeasure;
        reference = newReference;
        reason = newReason;
        restOn(newBasis);
        changedAt = at;
        changedBy = by;
    }

    private void restOn(LegalBasis legalBasis) {
        basis = legalBasis.basis();
        imposedBy = legalBasis.imposedBy();
        instrument = legalBasis.instrument();
    }

    void retire(String why, String by, OffsetDateTime at) {
        requireActive("export-rule.retired-cannot-be-retired");
        retiredAt = at;
        retiredBy = by;
        retirementReason = why;
    }

    boolean applies(String destinationCountry, String category, boolean dualUse) {
        boolean place = ANY_DESTINATION.equals(destination) || destination.equals(destinationCountry);
        boolean item = target.equals(category) || (DUAL_USE.equals(target) && dualUse);
        return place && item;
    }

    /** {@code refusal}: the key of the text saying what a retired rule cannot do. */
    private void requireActive(String refusal) {
        if (!isActive()) {
            throw DomainRuleViolation.conflict(Text.of(
                    refusal,
                    "rule",
                    String.valueOf(id),
                    "reference",
                    reference,
                    "retiredAt",
                    String.valueOf(retiredAt),
                    "retiredBy",
                    retiredBy));
        }
    }
}
