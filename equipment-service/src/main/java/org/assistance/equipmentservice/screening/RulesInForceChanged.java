package org.assistance.equipmentservice.screening;

import java.util.UUID;

/**
 * A rule was added or changed (fired synchronously, inside the transaction that did it): what is
 * planned but not yet gone must be screened again.
 */
public record RulesInForceChanged(UUID ruleId) {}
