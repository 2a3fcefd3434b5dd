package org.assistance.equipmentservice.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.assistance.chassis.problems.DomainRuleViolation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Adds, changes and retires export rules. Adding or changing one re-screens, in the same
 * transaction, every shipment planned but not yet dispatched (those it hits are held).
 */
@ApplicationScoped
public class ExportRules {
    private final Screening screening;
    private final Event<RulesInForceChanged> changed;

    public ExportRules(Screening screening, Event<RulesInForceChanged> changed) {
        this.screening = screening;
        this.changed = changed;
    }

    @Transactional
    public ExportRule add(String destination, String target, ExportRule.Measure measure, String reference,
                          String reason, String by) {
        screening.lockRulesForChange();
        ExportRule rule = ExportRule.of(destination, target, measure, reference, reason, by, OffsetDateTime.now());
        rule.persist();
        changed.fire(new RulesInForceChanged(rule.id));
        return rule;
    }

    @Transactional
    public ExportRule change(UUID id, String destination, String target, ExportRule.Measure measure, String reference,
                             String reason, String by) {
        screening.lockRulesForChange();
        ExportRule rule = locked(id);
        rule.change(destination, target, measure, reference, reason, by, OffsetDateTime.now());
        changed.fire(new RulesInForceChanged(rule.id));
        return rule;
    }

    /** Retired rules hold nothing from now on; shipments they held stay held until cleared. */
    @Transactional
    public ExportRule retire(UUID id, String reason, String by) {
        screening.lockRulesForChange();
        ExportRule rule = locked(id);
        rule.retire(reason, by, OffsetDateTime.now());
        return rule;
    }

    private static ExportRule locked(UUID id) {
        ExportRule rule = ExportRule.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (rule == null) {
            throw DomainRuleViolation.notFound("Export rule " + id);
        }
        return rule;
    }
}
