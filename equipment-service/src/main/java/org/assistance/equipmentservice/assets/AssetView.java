package org.assistance.equipmentservice.assets;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit of the asset register as the API answers it, with its check schedule. */
@Schema(name = "Asset")
public record AssetView(
        @Schema(maxLength = Asset.MAX_SERIAL, example = "SN-2027-000481")
        String serialNumber,

        @Schema(maxLength = 50, example = "FOR-WB-001") String itemCode,
        @Schema(maxLength = 200) String itemName,
        @Schema(maxLength = 30, example = "FORENSIC_IT") String category,
        boolean dualUse,

        @Schema(description = "its end use is checked: dual-use, or shipped under an export licence")
        boolean monitored,

        UUID requestId,
        UUID shipmentId,
        @Schema(maxLength = 100) String agencyId,
        @Schema(maxLength = 2, example = "KE") String country,
        AssetStatus status,
        OffsetDateTime dispatchedAt,
        OffsetDateTime deliveredAt,
        OffsetDateTime receivedAt,

        @Schema(
                maxItems = EndUseMonitoring.MAX_CHECKS_DUE,
                description = "the days its checks fall due (fixed at delivery), each with whether a check met it")
        List<DueCheck> checksDue,

        @Schema(description = "the first due date not met yet; none when all are met or it is not monitored")
        LocalDate nextCheckDue,

        @Schema(description = "a due date before today is not met")
        boolean overdue,

        @Schema(description = "its latest check, if any") EndUseCheckView lastCheck,

        @Schema(maxItems = Asset.MAX_CHECKS, description = "every check of it, first first (when one unit is read)")
        List<EndUseCheckView> checks) {

    static AssetView of(Asset a, EndUseCheck last, List<EndUseCheck> checks, LocalDate today) {
        return new AssetView(
                a.serialNumber,
                a.itemCode,
                a.itemName,
                a.category,
                a.dualUse,
                a.monitored,
                a.requestId,
                a.shipmentId,
                a.agencyId,
                a.country,
                a.status,
                a.dispatchedAt,
                a.deliveredAt,
                a.receivedAt,
                a.schedule(),
                a.nextCheckDue,
                a.isOverdue(today),
                last == null ? null : EndUseCheckView.of(last),
                checks == null ? null : checks.stream().map(EndUseCheckView::of).toList());
    }
}
