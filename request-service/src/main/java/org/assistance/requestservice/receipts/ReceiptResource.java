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
import org.assistance.chassis.validation.MoneyInput;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
    public record ReceiptView(UUID shipmentId, UUID requestId,
                              @Schema(maxItems = ReceiptDraft.MAX_LINES) List<ReceivedLine> lines,
                              @Schema(maxLength = ReceiptDraft.MAX_RECEIVED_BY) String receivedBy,
                              OffsetDateTime receivedAt) {
        static ReceiptView of(Receipt r) {
            return new ReceiptView(r.shipmentId, r.requestId, r.lines.stream().map(ReceivedLine::of).toList(),
                    r.receivedBy, r.receivedAt);
        }
    }

    /** One line of a receipt, with the bounds it was accepted under (ReceiptDraft.Line). */
    @Schema(name = "ReceiptLine")
    public record ReceivedLine(@Schema(maxLength = ReceiptDraft.MAX_ITEM_CODE) String itemCode,
                               @Schema(minimum = "0", maximum = "" + ReceiptDraft.MAX_UNITS) int quantityAccepted,
                               @Schema(minimum = "0", maximum = "" + ReceiptDraft.MAX_UNITS) int quantityRejected,
                               @Schema(maxLength = ReceiptDraft.MAX_REASON) String rejectionReason) {
        static ReceivedLine of(ReceiptLine line) {
            return new ReceivedLine(line.itemCode(), line.quantityAccepted(), line.quantityRejected(),
                    line.rejectionReason());
        }
    }

    @Schema(name = "IncomingShipment")
    public record ShipmentView(UUID shipmentId, IncomingShipment.Stage stage,
                               @Schema(maxItems = ReceiptDraft.MAX_LINES) List<ShippedLine> lines,
                               OffsetDateTime updatedAt) {
        static ShipmentView of(IncomingShipment s) {
            return new ShipmentView(s.id, s.stage, s.lines.stream().map(ShippedLine::of).toList(), s.updatedAt);
        }
    }

    /**
     * One line of a shipment as equipment-service planned it (its catalogue's bounds: code 50,
     * name 200, category 30).
     */
    @Schema(name = "ShipmentLine")
    public record ShippedLine(@Schema(maxLength = ReceiptDraft.MAX_ITEM_CODE) String itemCode,
                              @Schema(maxLength = 200) String itemName,
                              @Schema(maxLength = 30) String category,
                              boolean dualUse,
                              @Schema(minimum = "1", maximum = "" + ReceiptDraft.MAX_UNITS) int quantity,
                              MoneyInput unitCost) {
        static ShippedLine of(ShipmentLine line) {
            return new ShippedLine(line.itemCode(), line.itemName(), line.category(), line.dualUse(), line.quantity(),
                    line.unitCost() == null ? null : new MoneyInput(line.unitCost().amount(), line.unitCost().currency()));
        }
    }

    @POST
    @Path("/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Confirm receipt of a shipment: per line, quantities accepted and rejected (with a reason)")
    @APIResponse(responseCode = "201", description = "Receipt recorded (and published to the other services)",
            content = @Content(schema = @Schema(implementation = ReceiptView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, or lines that do not match the shipment "
            + "(each line named in errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such request for this agency, or no such shipment of it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not dispatched yet, cancelled, or already confirmed "
            + "(also when another confirmation of the same shipment was made at the same moment)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response confirm(@PathParam("id") UUID requestId, @NotNull @Valid ReceiptDraft draft) {
        Receipt receipt = receipts.confirm(requestId, caller.requireAgency(), draft, caller.subject());
        return Response.status(Response.Status.CREATED).entity(ReceiptView.of(receipt)).build();
    }

    @GET
    @Path("/shipments")
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "Shipments of a request as the agency will receive them")
    @APIResponse(responseCode = "200", description = "The shipments, oldest change first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, maxItems = Receipts.MAX_SHIPMENTS,
                    implementation = ShipmentView.class)))
    @APIResponse(responseCode = "404", description = "No such request for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ShipmentView> shipments(@PathParam("id") UUID requestId) {
        String agency = caller.agencyScope();
        return receipts.of(requestId, agency).stream().map(ShipmentView::of).toList();
    }
}
