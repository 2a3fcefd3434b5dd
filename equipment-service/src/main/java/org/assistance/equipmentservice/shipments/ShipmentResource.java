package org.assistance.equipmentservice.shipments;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipments", description = "Equipment on its way to the requesting authorities")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "409", description = "Not possible in the shipment's current state (named in the detail)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ShipmentResource {
    private final Shipments shipments;
    private final Backorders backorders;
    private final Caller caller;

    public ShipmentResource(Shipments shipments, Backorders backorders, Caller caller) {
        this.shipments = shipments;
        this.backorders = backorders;
        this.caller = caller;
    }

    @Schema(name = "Shipment")
    public record ShipmentView(UUID id, UUID requestId, String agencyId, String destinationCountry, String warehouse,
                               ShipmentStatus status, List<ShipmentLine> lines, Money value, List<ScreeningHit> hits,
                               OffsetDateTime heldAt, long heldSeconds, String licenceReference, LocalDate licenceDate,
                               Shipment.Mode mode, String carrier, String trackingReference, LocalDate expectedDelivery,
                               OffsetDateTime dispatchedAt, List<Shipment.Milestone> milestones,
                               OffsetDateTime deliveredAt, OffsetDateTime receivedAt, List<ReceiptLine> receiptLines,
                               boolean delayed, String cancellationReason, String cancelledBy,
                               OffsetDateTime plannedAt, OffsetDateTime updatedAt) {
        static ShipmentView of(Shipment s) {
            return new ShipmentView(s.id, s.requestId, s.agencyId, s.destinationCountry, s.warehouse, s.status, s.lines,
                    s.value(), s.hits, s.heldAt, s.heldSeconds, s.licenceReference, s.licenceDate, s.mode, s.carrier,
                    s.trackingReference, s.expectedDelivery, s.dispatchedAt, s.milestones, s.deliveredAt,
                    s.receivedAt, s.receiptLines, s.isDelayed(OffsetDateTime.now()), s.cancellationReason,
                    s.cancelledBy, s.plannedAt, s.updatedAt);
        }
    }

    @Schema(name = "Dispatch")
    public record DispatchBody(@NotNull @Schema(example = "AIR") Shipment.Mode mode,
                               @NotBlank @Size(max = 200) @Schema(example = "Kenya Airways Cargo") String carrier,
                               @NotBlank @Size(max = 200) @Schema(example = "KQ-706-553211") String trackingReference,
                               @FutureOrPresent @Schema(example = "2027-02-10") LocalDate expectedDelivery) {
    }

    public enum MilestoneKind { CUSTOMS_ENTRY, CUSTOMS_HOLD, CUSTOMS_RELEASE, IN_TRANSIT, ARRIVED_IN_COUNTRY }

    @Schema(name = "MilestoneDraft")
    public record MilestoneBody(@NotNull @Schema(example = "CUSTOMS_ENTRY") MilestoneKind milestone,
                                @Size(max = 200) @Schema(example = "Jomo Kenyatta International Airport") String location,
                                @Size(max = 2_000) String note,
                                @NotNull @PastOrPresent @Schema(example = "2027-02-08T09:15:00+03:00") OffsetDateTime occurredAt) {
    }

    @Schema(name = "DeliveryDraft")
    public record DeliveryBody(@NotNull @PastOrPresent @Schema(example = "2027-02-09T14:00:00+03:00") OffsetDateTime deliveredAt) {
    }

    @Schema(name = "Clearance")
    public record ClearanceBody(@Size(max = 100) @Schema(example = "EXP-AT-2027-00412") String licenceReference,
                                @PastOrPresent @Schema(example = "2027-01-20") LocalDate licenceDate,
                                @Size(max = 100) @Schema(description = "item codes to take off the shipment (e.g. prohibited lines); "
                                        + "taking off every line cancels the shipment")
                                List<@NotBlank String> removeItems,
                                @Size(max = 2_000) @Schema(description = "why lines are taken off (default: the hits on them)",
                                        example = "Prohibited destination for firearms marking equipment")
                                String reason) {
    }

    @Schema(name = "Cancellation")
    public record CancellationBody(@NotBlank @Size(max = 2_000) @Schema(example = "Replaced by a shipment from another warehouse") String reason) {
    }

    @Schema(name = "Backorder")
    public record BackorderView(long id, UUID requestId, String agencyId, String destinationCountry, String itemCode,
                                @Schema(description = "back-ordered at approval") int quantity,
                                @Schema(description = "still waited for") int remaining,
                                Backorder.Status status, RequestPriority.Level priority, String cancellationReason,
                                String cancelledBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static BackorderView of(Backorder b) {
            return new BackorderView(b.id, b.requestId, b.agencyId, b.destinationCountry, b.itemCode, b.quantity,
                    b.remaining, b.status, b.priority, b.cancellationReason, b.cancelledBy, b.createdAt, b.updatedAt);
        }
    }

    @GET
    @Path("/shipments")
    @RolesAllowed({Roles.PARTNER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "Shipments, by request, status or delay; partners see only their agency's")
    public List<ShipmentView> list(@QueryParam("requestId") UUID requestId, @QueryParam("status") ShipmentStatus status,
                                   @QueryParam("delayed") Boolean delayed) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (requestId != null) {
            query.append(" and requestId = :request");
            params.put("request", requestId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        String agency = caller.agencyScope();
        if (agency != null) {
            query.append(" and agencyId = :agency");
            params.put("agency", agency);
        }
        query.append(" order by plannedAt desc, id");
        OffsetDateTime now = OffsetDateTime.now();
        return Shipment.<Shipment>list(query.toString(), params).stream()
                .filter(s -> delayed == null || s.isDelayed(now) == delayed)
                .map(ShipmentView::of).toList();
    }

    @GET
    @Path("/shipments/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "One shipment")
    public ShipmentView get(@PathParam("id") UUID id) {
        Shipment shipment = Shipment.findById(id);
        String agency = caller.agencyScope();
        if (shipment == null || (agency != null && !agency.equals(shipment.agencyId))) {
            throw DomainRuleViolation.notFound("Shipment " + id);
        }
        return ShipmentView.of(shipment);
    }

    @POST
    @Path("/shipments/{id}/clearance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(summary = "Clear a held shipment: a licence for LICENCE_REQUIRED lines; PROHIBITED lines must be "
            + "removed (hits of retired rules no longer count). Removing every line cancels the shipment.")
    public ShipmentView clear(@PathParam("id") UUID id, @NotNull @Valid ClearanceBody body) {
        Set<String> remove = body.removeItems() == null ? Set.of() : Set.copyOf(body.removeItems());
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        return ShipmentView.of(shipments.clear(id, body.licenceReference(), body.licenceDate(), remove, reason,
                caller.subject()));
    }

    @POST
    @Path("/shipments/{id}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(summary = "Hand a planned (screening passed) or cleared shipment to the carrier; the export rules in "
            + "force are checked again, and one that now hits it refuses the dispatch (409 naming the rule)")
    public ShipmentView dispatch(@PathParam("id") UUID id, @NotNull @Valid DispatchBody body) {
        return ShipmentView.of(shipments.dispatch(id, body.mode(), body.carrier().strip(),
                body.trackingReference().strip(), body.expectedDelivery()));
    }

    @POST
    @Path("/shipments/{id}/milestones")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(summary = "Record a milestone of a dispatched shipment (customs entry, hold, release...)")
    public ShipmentView milestone(@PathParam("id") UUID id, @NotNull @Valid MilestoneBody body) {
        return ShipmentView.of(shipments.milestone(id, body.milestone().name(), body.location(), body.note(),
                body.occurredAt()));
    }

    @POST
    @Path("/shipments/{id}/delivery")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(summary = "Record that the carrier delivered the shipment")
    public ShipmentView deliver(@PathParam("id") UUID id, @NotNull @Valid DeliveryBody body) {
        return ShipmentView.of(shipments.deliver(id, body.deliveredAt()));
    }

    @POST
    @Path("/shipments/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(summary = "Cancel a shipment before dispatch; its reserved stock is released")
    public ShipmentView cancel(@PathParam("id") UUID id, @NotNull @Valid CancellationBody body) {
        return ShipmentView.of(shipments.cancel(id, body.reason().strip(), caller.subject()));
    }

    @GET
    @Path("/backorders")
    @RolesAllowed({Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "Approved equipment waiting for stock (OPEN), and what became of earlier backorders")
    public List<BackorderView> backorders(@QueryParam("requestId") UUID requestId,
                                          @QueryParam("status") Backorder.Status status) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (requestId != null) {
            query.append(" and requestId = :request");
            params.put("request", requestId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        query.append(" order by createdAt, id");
        return Backorder.<Backorder>list(query.toString(), params).stream().map(BackorderView::of).toList();
    }

    @POST
    @Path("/backorders/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(summary = "Cancel what a backorder still waits for (publishes assistance.shipment.backorder-cancelled.v1)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BackorderView.class)))
    public BackorderView cancelBackorder(@PathParam("id") long id, @NotNull @Valid CancellationBody body) {
        return BackorderView.of(backorders.cancel(id, body.reason().strip(), caller.subject()));
    }
}
