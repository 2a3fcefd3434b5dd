package org.assistance.equipmentservice.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.texts.Text;

/**
 * Adds, changes and retires export rules. Adding or changing one re-screens, in the same
 * transaction, every shipment planned but not yet dispatched (those it hits are held). Each is in
 * the audit trail (kind {@value #AUDIT_KIND}) with the rule as it read before and after.
 */
@ApplicationScoped
public class ExportRules {
    /**
     * Rules in force for one destination and one target. More would only repeat each other; the
     * bound keeps what one shipment line can hit (and so a shipment's hits) within the contract.
     */
    public static final int MAX_RULES_PER_DESTINATION_AND_TARGET = 10;

    static final String AUDIT_KIND = "export-rule";

    private final Screening screening;
    private final Event<RulesInForceChanged> changed;
    private final AuditTrail audit;

    public ExportRules(Screening screening, Event<RulesInForceChanged> changed, AuditTrail audit) {
        this.screening = screening;
        this.changed = changed;
        this.audit = audit;
    }

    /**
     * Rules oldest first (only those in force unless {@code includeRetired}), after the rule
     * created at {@code afterAt} with id {@code afterId} if given; one more than {@code limit}.
     */
    public List<ExportRule> page(boolean includeRetired, OffsetDateTime afterAt, UUID afterId, int limit) {
        StringBuilder query = new StringBuilder(includeRetired ? "1 = 1" : "retiredAt is null");
        Map<String, Object> params = new HashMap<>();
        if (afterAt != null) {
            query.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
            params.put("at", afterAt);
            params.put("id", afterId);
        }
        return ExportRule.<ExportRule>find(
                        query.append(" order by createdAt, id").toString(), params)
                .range(0, limit)
                .list();
    }

    @Transactional
    public ExportRule add(
            String destination,
            String target,
            ExportRule.Measure measure,
            String reference,
            String reason,
            ExportRule.LegalBasis basis,
            String by) {
        screening.lockRulesForChange();
        requireRoomFor(destination, target, null);
        ExportRule rule =
                ExportRule.of(destination, target, measure, reference, reason, basis, by, OffsetDateTime.now());
        rule.persist();
        changed.fire(new RulesInForceChanged(rule.id));
        audit.created(AUDIT_KIND, rule.id, ExportRuleView.of(rule));
        return rule;
    }

    @Transactional
    public ExportRule change(
            UUID id,
            String destination,
            String target,
            ExportRule.Measure measure,
            String reference,
            String reason,
            ExportRule.LegalBasis basis,
            String by) {
        screening.lockRulesForChange();
        ExportRule rule = locked(id);
        requireRoomFor(destination, target, id);
        ExportRuleView before = ExportRuleView.of(rule);
        rule.change(destination, target, measure, reference, reason, basis, by, OffsetDateTime.now());
        changed.fire(new RulesInForceChanged(rule.id));
        audit.changed(AUDIT_KIND, rule.id, before, ExportRuleView.of(rule));
        return rule;
    }

    /** Retired rules hold nothing from now on; shipments they held stay held until cleared. */
    @Transactional
    public ExportRule retire(UUID id, String reason, String by) {
        screening.lockRulesForChange();
        ExportRule rule = locked(id);
        ExportRuleView before = ExportRuleView.of(rule);
        rule.retire(reason, by, OffsetDateTime.now());
        // retired, not removed: the rule stays, with who retired it and why
        audit.record(AUDIT_KIND, rule.id, "retired", before, ExportRuleView.of(rule));
        return rule;
    }

    /** Called under the rules' exclusive lock, so two additions at once cannot both take the last place. */
    private static void requireRoomFor(String destination, String target, UUID changing) {
        long inForce = changing == null
                ? ExportRule.count("destination = ?1 and target = ?2 and retiredAt is null", destination, target)
                : ExportRule.count(
                        "destination = ?1 and target = ?2 and retiredAt is null and id <> ?3",
                        destination,
                        target,
                        changing);
        if (inForce >= MAX_RULES_PER_DESTINATION_AND_TARGET) {
            throw DomainRuleViolation.conflict(
                    Text.of("export-rule.full", "count", inForce, "target", target, "destination", destination));
        }
    }

    private static ExportRule locked(UUID id) {
        ExportRule rule = ExportRule.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (rule == null) {
            throw DomainRuleViolation.notFound(Text.of("export-rule.not-found", "rule", String.valueOf(id)));
        }
        return rule;
    }
}
