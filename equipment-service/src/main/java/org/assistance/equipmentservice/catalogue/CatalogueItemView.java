package org.assistance.equipmentservice.catalogue;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An item as the API answers it, withdrawn or not. */
@Schema(name = "CatalogueItem")
public record CatalogueItemView(
        @Schema(maxLength = 50, example = "FOR-WB-001") String code,

        @Schema(maxLength = 200, example = "Forensic write blocker kit")
        String name,

        ItemCategory category,
        AmountView unitCost,
        boolean dualUse,
        @Schema(maxLength = 20, example = "5A002") String exportControlClass,

        @Schema(description = "true once withdrawn: kept for history, no longer approvable")
        boolean withdrawn,

        OffsetDateTime withdrawnAt,
        @Schema(maxLength = 2_000) String withdrawalReason,

        @Schema(maxLength = 200, description = "the admin who withdrew it")
        String withdrawnBy) {
    static CatalogueItemView of(CatalogueItem i) {
        return new CatalogueItemView(
                i.code,
                i.name,
                i.category,
                AmountView.of(i.unitPrice()),
                i.dualUse,
                i.exportControlClass,
                i.isWithdrawn(),
                i.withdrawnAt,
                i.withdrawalReason,
                i.withdrawnBy);
    }
}
