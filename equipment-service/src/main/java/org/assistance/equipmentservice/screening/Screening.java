package org.assistance.equipmentservice.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;

/**
 * Screens a shipment line by line against the export-control and sanctions rules in force. A hit
 * keeps the rule as it read then, its basis, imposing party and instrument included: a held line's
 * record stays what held it even when the rule changes later.
 * Screening holds a shared lock on "the rules in force" until its transaction ends, and a rule
 * change holds it exclusively while it re-screens planned shipments: a shipment planned while a
 * rule is added is either seen by the re-screening or screened against the new rule, never neither.
 */
@ApplicationScoped
public class Screening {
    /** Arbitrary constant naming "the rules in force" among the advisory locks of this database. */
    private static final long RULES_LOCK = 0x72756c6573L;

    private final EntityManager entityManager;

    public Screening(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Keeps the rules in force as they are until the transaction ends. Take it before locking a
     * shipment (rule changes lock shipments while holding it exclusively).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdRulesSteady() {
        entityManager
                .createNativeQuery("select cast(pg_advisory_xact_lock_shared(?1) as text)")
                .setParameter(1, RULES_LOCK)
                .getSingleResult();
    }

    /** Taken by a rule change, before it locks any shipment. */
    @Transactional(Transactional.TxType.MANDATORY)
    void lockRulesForChange() {
        entityManager
                .createNativeQuery("select cast(pg_advisory_xact_lock(?1) as text)")
                .setParameter(1, RULES_LOCK)
                .getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<ScreeningHit> screen(String destination, List<ShipmentLine> lines) {
        holdRulesSteady();
        return screen(destination, lines, rulesInForce());
    }

    /** The rules not retired, in the order hits are listed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ExportRule> rulesInForce() {
        List<ExportRule> rules = new ArrayList<>(ExportRule.<ExportRule>list("retiredAt is null"));
        rules.sort(Comparator.comparing((ExportRule r) -> r.measure)
                .thenComparing(r -> r.reference)
                .thenComparing(r -> r.id));
        return rules;
    }

    public List<ScreeningHit> screen(String destination, List<ShipmentLine> lines, List<ExportRule> rules) {
        List<ScreeningHit> hits = new ArrayList<>();
        for (ShipmentLine line : lines) {
            for (ExportRule rule : rules) {
                if (rule.applies(destination, line.category(), line.dualUse())) {
                    hits.add(new ScreeningHit(
                            line.itemCode(),
                            line.category(),
                            rule.id,
                            rule.measure.name(),
                            rule.reference,
                            rule.reason,
                            rule.basis.name(),
                            rule.imposedBy,
                            rule.instrument));
                }
            }
        }
        return hits;
    }
}
