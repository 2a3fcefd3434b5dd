package org.assistance.requestservice.deliveries;

import org.assistance.chassis.events.Values;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One deliverable as the API shows it; the bounds are the columns' and the approval's. */
@Schema(name = "Deliverable")
public record DeliverableView(
        @Schema(maxLength = 120, description = "item:<code> for equipment, the activity id for an activity")
        String deliverableId,

        @Schema(maxLength = 40, description = "EQUIPMENT, or the activity's kind (e.g. TRAINING_COURSE)")
        String kind,

        @Schema(maxLength = 300) String description,

        @Schema(minimum = "0", maximum = "" + Deliverable.MAX_UNITS)
        int quantity,

        @Schema(minimum = "0", maximum = "" + Deliverable.MAX_UNITS)
        int quantityDelivered,

        @Schema(minimum = "0", maximum = "" + Deliverable.MAX_UNITS)
        int quantityCancelled,

        Deliverable.State state,

        @Schema(maxLength = Deliverable.MAX_REASON, description = "Why units were cancelled")
        String reason) {
    static DeliverableView of(Deliverable d) {
        Values.Deliverable v = d.value();
        return new DeliverableView(
                v.deliverableId(),
                v.kind(),
                v.description(),
                v.quantity(),
                v.quantityDelivered(),
                v.quantityCancelled(),
                d.state,
                v.reason());
    }
}
