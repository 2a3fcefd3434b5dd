package org.assistance.requestservice.deliveries;

import java.util.List;
import java.util.UUID;
import org.assistance.requestservice.requests.RequestStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request's deliverables as the API answers them. */
@Schema(
        name = "RequestDeliverables",
        description = "Every approved deliverable of a request (one per approved "
                + "item code, quantities in units, id item:<code>; one per approved activity, id = the activity id) and "
                + "those still outstanding (not yet DELIVERED or CANCELLED)")
public record RequestDeliverables(
        UUID requestId,
        RequestStatus status,
        @Schema(maxItems = Deliverable.MAX_PER_REQUEST) List<DeliverableView> deliverables,
        @Schema(maxItems = Deliverable.MAX_PER_REQUEST) List<DeliverableView> outstanding) {}
