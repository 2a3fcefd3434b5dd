package org.assistance.equipmentservice.shipments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** When the carrier delivered a shipment. */
@Schema(name = "DeliveryDraft")
public record DeliveryDraft(
        @NotNull @PastOrPresent @Schema(example = "2027-02-09T14:00:00+03:00")
        OffsetDateTime deliveredAt) {}
