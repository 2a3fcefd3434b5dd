package org.assistance.requestservice.receipts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/requests/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Receipts", description = "Shipments on their way to the agency and its proofs of delivery")
@SecurityRequirement(name = "bearer")
public class ReceiptResource {
    private final Receipts receipts;
    private final Caller caller;

    public ReceiptResource(Receipts receipts, Caller caller) {
        this.receipts = receipts;
        this.caller = caller;
    }

    @Schema(name = "Receipt")
    public record ReceiptView(UUID shipmentId, UUID requestId, List<ReceiptLine> lines, String receivedBy,
                              OffsetDateTime receivedAt) {
        static ReceiptView of(Receipt r) {
            return new ReceiptView(r.shipmentId, r.requestId, r.lines, r.receivedBy, r.receivedAt);
        }
    }

    @Schema(name = "IncomingShipment")
    public record ShipmentView(UUID shipmentId, IncomingShipment.Stage stage, List<ShipmentLine> lines,
                               OffsetDateTime updatedAt) {
        static ShipmentView of(IncomingShipment s) {
            return new ShipmentView(s.id, s.stage, s.lines, s.updatedAt);
        }
    }

    @POST
    @Path("/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Confirm receipt of a shipment: per line, quantities accepted and rejected (with a reason)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ReceiptView.class)))
    @APIResponse(responseCode = "400", description = "Lines do not match the shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not dispatched yet, or already confirmed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response confirm(@PathParam("id") UUID requestId, @NotNull @Valid ReceiptDraft draft) {
        Receipt receipt = receipts.confirm(requestId, caller.requireAgency(), draft, caller.subject());
        return Response.status(Response.Status.CREATED).entity(ReceiptView.of(receipt)).build();
    }

    @GET
    @Path("/shipments")
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "Shipments of a request as the agency will receive them")
    public List<ShipmentView> shipments(@PathParam("id") UUID requestId) {
        String agency = caller.agencyScope();
        return receipts.of(requestId, agency).stream().map(ShipmentView::of).toList();
    }
}
