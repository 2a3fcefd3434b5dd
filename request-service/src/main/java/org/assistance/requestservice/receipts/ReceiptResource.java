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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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

    @POST
    @Path("/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(
            summary = "Confirm receipt of a shipment: per line, quantities accepted and rejected (with a reason),"
                    + " and the units accepted by serial number when they were dispatched with serials")
    @APIResponse(
            responseCode = "201",
            description = "Receipt recorded (and published to the other services)",
            content = @Content(schema = @Schema(implementation = ReceiptView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid input, or lines that do not match the shipment " + "(each line named in errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such request for this agency, or no such shipment of it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Units dispatched with serial numbers not confirmed as the rules want: serials-to-confirm "
                    + "(something rejected, but the accepted units not named), serial-not-dispatched (a serial "
                    + "not dispatched as that item in this shipment), serial-count-mismatch (not exactly "
                    + "quantityAccepted distinct serials), serials-not-recorded (serials for an item dispatched "
                    + "without them)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not dispatched yet, cancelled, or already confirmed "
                    + "(also when another confirmation of the same shipment was made at the same moment)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response confirm(@PathParam("id") UUID requestId, @NotNull @Valid ReceiptDraft draft) {
        Receipt receipt = receipts.confirm(requestId, caller.requireAgency(), draft, caller.subject());
        return Response.status(Response.Status.CREATED)
                .entity(ReceiptView.of(receipt))
                .build();
    }

    @GET
    @Path("/shipments")
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "Shipments of a request as the agency will receive them")
    @APIResponse(
            responseCode = "200",
            description = "The shipments, oldest change first",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            maxItems = Receipts.MAX_SHIPMENTS,
                                            implementation = ShipmentView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such request for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ShipmentView> shipments(@PathParam("id") UUID requestId) {
        List<IncomingShipment> shipments = receipts.of(requestId, caller.scope());
        Map<UUID, List<UnitSerial>> units = receipts.unitsOf(shipments);
        return shipments.stream()
                .map(s -> ShipmentView.of(s, units.getOrDefault(s.id, List.of())))
                .toList();
    }
}
