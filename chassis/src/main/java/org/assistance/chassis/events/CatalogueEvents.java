package org.assistance.chassis.events;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.assistance.chassis.events.Values.Money;

/**
 * Published by equipment-service on {@value Topics#CATALOGUE}, a compacted topic keyed by item
 * code: its last event per item is the item's current state, so request- and program-service
 * keep a local copy of the catalogue and refuse unknown or withdrawn items before approval.
 */
public final class CatalogueEvents {
    private CatalogueEvents() {}

    /** {@code assistance.catalogue.item-published.v1}: an item may be asked for (again), as described. */
    public record ItemPublished(
            String itemCode, String name, String category, boolean dualUse, Money unitPrice, OffsetDateTime publishedAt)
            implements CatalogueEvent {}

    /** {@code assistance.catalogue.item-withdrawn.v1}: an item may no longer be asked for or approved. */
    public record ItemWithdrawn(String itemCode, String reason, OffsetDateTime withdrawnAt) implements CatalogueEvent {}

    /** A catalogue event is about an item, not a request: keyed by the item code. */
    public interface CatalogueEvent extends AssistanceEvent {
        String itemCode();

        @Override
        default UUID requestId() {
            return null;
        }

        @Override
        default String aggregateId() {
            return itemCode();
        }
    }
}
