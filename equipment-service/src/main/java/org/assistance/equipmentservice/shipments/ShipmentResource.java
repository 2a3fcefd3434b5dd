package org.assistance.equipmentservice.shipments;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.equipmentservice.AmountView;
import org.assistance.equipmentservice.Pages;
import org.assistance.equipmentservice.catalogue.CatalogueResource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
public class ShipmentResource {
    /** Hits one shipment can carry: every line (at most 100) hit by the rules for its destination and category or
     * dual use (at most 4 x 10), and as many again cleared while it was held. */
    static final int MAX_HITS = 2 * Shipments.MAX_LINES * 4 * 10;
    /** How far ahead a carrier's expected delivery date may be; how old a licence may be. */
    static final int MAX_YEARS_AHEAD = 5;
    static final int MAX_LICENCE_AGE_YEARS = 10;

    private final Shipments shipments;
    private final Backorders backorders;
    private final Caller caller;

    public ShipmentResource(Shipments shipments, Backorders backorders, Caller caller) {
        this.shipments = shipments;
        this.backorders = backorders;
        this.caller = caller;
    }

    @Schema(name = "Shipment")
    public record ShipmentView(UUID id, UUID requestId,
                               @Schema(maxLength = 100) String agencyId,
                               @Schema(maxLength = 2, example = "KE") String destinationCountry,
                               @Schema(maxLength = 20, example = "VIE-1") String warehouse,
                               ShipmentStatus status,
                               @Schema(maxItems = Shipments.MAX_LINES) List<LineView> lines,
                               AmountView value,
                               @Schema(maxItems = MAX_HITS, description = "the export rules that hit its lines")
                               List<HitView> hits,
                               OffsetDateTime heldAt,
                               @Schema(minimum = "0", maximum = "3155760000", format = "int64",
                                       description = "how long it was held, in seconds") long heldSeconds,
                               @Schema(maxLength = 100) String licenceReference,
                               LocalDate licenceDate,
                               Shipment.Mode mode,
                               @Schema(maxLength = 200) String carrier,
                               @Schema(maxLength = 200) String trackingReference,
                               LocalDate expectedDelivery,
                               OffsetDateTime dispatchedAt,
                               @Schema(maxItems = Shipment.MAX_MILESTONES) List<Shipment.Milestone> milestones,
                               OffsetDateTime deliveredAt, OffsetDateTime receivedAt,
                               @Schema(maxItems = Shipments.MAX_LINES, description = "what the partner accepted and "
                                       + "rejected of each line") List<ReceiptLineView> receiptLines,
                               boolean delayed,
                               @Schema(maxLength = 2_000) String cancellationReason,
                               @Schema(maxLength = 200) String cancelledBy,
                               OffsetDateTime plannedAt, OffsetDateTime updatedAt) {
        static ShipmentView of(Shipment s) {
            return new ShipmentView(s.id, s.requestId, s.agencyId, s.destinationCountry, s.warehouse, s.status,
                    s.lines.stream().map(LineView::of).toList(), AmountView.of(s.value()),
                    s.hits.stream().map(HitView::of).toList(), s.heldAt, s.heldSeconds, s.licenceReference, s.licenceDate, s.mode, s.carrier,
                    s.trackingReference, s.expectedDelivery, s.dispatchedAt, s.milestones, s.deliveredAt,
                    s.receivedAt,
                    s.receiptLines == null ? null : s.receiptLines.stream().map(ReceiptLineView::of).toList(),
                    s.isDelayed(OffsetDateTime.now()), s.cancellationReason,
                    s.cancelledBy, s.plannedAt, s.updatedAt);
        }
    }

    @Schema(name = "ShipmentLine")
    public record LineView(@Schema(maxLength = 50, example = "FOR-WB-001") String itemCode,
                           @Schema(maxLength = 200) String itemName,
                           @Schema(maxLength = 30, example = "FORENSIC_IT") String category,
                           boolean dualUse,
                           @Schema(minimum = "1", maximum = "10000", format = "int32") int quantity,
                           AmountView unitCost) {
        static LineView of(ShipmentLine l) {
            return new LineView(l.itemCode(), l.itemName(), l.category(), l.dualUse(), l.quantity(),
                    AmountView.of(l.unitCost()));
        }
    }

    @Schema(name = "ScreeningHit")
    public record HitView(@Schema(maxLength = 50, example = "FOR-WB-001") String itemCode,
                          @Schema(maxLength = 30, example = "SURVEILLANCE") String category,
                          UUID ruleId,
                          @Schema(maxLength = 20, example = "LICENCE_REQUIRED") String measure,
                          @Schema(maxLength = 200) String reference,
                          @Schema(maxLength = 2_000) String reason) {
        static HitView of(ScreeningHit h) {
            return new HitView(h.itemCode(), h.category(), h.ruleId(), h.measure(), h.reference(), h.reason());
        }
    }

    @Schema(name = "ReceiptLine")
    public record ReceiptLineView(@Schema(maxLength = 50, example = "FOR-WB-001") String itemCode,
                                  @Schema(minimum = "0", maximum = "10000", format = "int32") int quantityAccepted,
                                  @Schema(minimum = "0", maximum = "10000", format = "int32") int quantityRejected,
                                  @Schema(maxLength = 1_000) String rejectionReason) {
        static ReceiptLineView of(ReceiptLine r) {
            return new ReceiptLineView(r.itemCode(), r.quantityAccepted(), r.quantityRejected(), r.rejectionReason());
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
                                List<@NotBlank @Size(max = 50)
                                        @Pattern(regexp = CatalogueResource.CODE, message = CatalogueResource.CODE_MESSAGE)
                                        String> removeItems,
                                @Size(max = 2_000) @Schema(description = "why lines are taken off (default: the hits on them)",
                                        example = "Prohibited destination for firearms marking equipment")
                                String reason) {
    }

    @Schema(name = "Cancellation")
    public record CancellationBody(@NotBlank @Size(max = 2_000) @Schema(example = "Replaced by a shipment from another warehouse") String reason) {
    }

    @Schema(name = "Backorder")
    public record BackorderView(
            @Schema(minimum = "1", maximum = "9223372036854775807", format = "int64",
                    description = "the backorder's number, as its events and the request's timeline name it")
            long id,
            @Schema(description = "names the backorder in URLs (/backorders/{reference}/cancellation)")
            UUID reference,
            UUID requestId,
            @Schema(maxLength = 100) String agencyId,
            @Schema(maxLength = 2, example = "KE") String destinationCountry,
            @Schema(maxLength = 50, example = "FOR-WB-001") String itemCode,
            @Schema(description = "back-ordered at approval", minimum = "1", maximum = "10000", format = "int32")
            int quantity,
            @Schema(description = "still waited for", minimum = "0", maximum = "10000", format = "int32") int remaining,
            Backorder.Status status, RequestPriority.Level priority,
            @Schema(maxLength = 2_000) String cancellationReason,
            @Schema(maxLength = 200) String cancelledBy,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static BackorderView of(Backorder b) {
            return new BackorderView(b.id, b.reference, b.requestId, b.agencyId, b.destinationCountry, b.itemCode,
                    b.quantity,
                    b.remaining, b.status, b.priority, b.cancellationReason, b.cancelledBy, b.createdAt, b.updatedAt);
        }
    }

    @GET
    @Path("/shipments")
    @RolesAllowed({Roles.PARTNER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "Shipments, newest first, by request, status or delay; partners see only their agency's")
    @APIResponse(responseCode = "200", description = "A page of shipments, newest first (with delayed, a page may hold "
            + "fewer than limit while more follow)",
            headers = @Header(name = "Link", description = Pages.LINK_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, maxLength = 2_500)),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ShipmentView.class,
                    maxItems = Pages.MAX)))
    public Response list(@QueryParam("requestId") UUID requestId, @QueryParam("status") ShipmentStatus status,
                         @QueryParam("delayed") Boolean delayed,
                         @QueryParam("limit") @DefaultValue(Pages.DEFAULT) @Min(1) @Max(Pages.MAX)
                         @Parameter(description = Pages.LIMIT_DESCRIPTION) int limit,
                         @QueryParam("cursor") @Size(max = 200) @Parameter(description = Pages.CURSOR_DESCRIPTION)
                         String cursor,
                         @Context UriInfo uri) {
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
        if (cursor != null) {
            Object[] after = Pages.read(cursor, 2,
                    parts -> new Object[] {OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1])});
            query.append(" and (plannedAt < :at or (plannedAt = :at and id > :id))");
            params.put("at", after[0]);
            params.put("id", after[1]);
        }
        query.append(" order by plannedAt desc, id");
        OffsetDateTime now = OffsetDateTime.now();
        List<Shipment> found = Shipment.<Shipment>find(query.toString(), params).range(0, limit).list();
        List<Shipment> page = found.size() > limit ? found.subList(0, limit) : found;
        List<Shipment> shown = page.stream().filter(s -> delayed == null || s.isDelayed(now) == delayed).toList();
        Response answer = Pages.of(found, limit, ShipmentView::of, s -> new Object[] {s.plannedAt, s.id}, uri);
        return Response.fromResponse(answer).entity(shown.stream().map(ShipmentView::of).toList()).build();
    }

    @GET
    @Path("/shipments/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "One shipment")
    @APIResponse(responseCode = "200", description = "The shipment")
    @APIResponse(responseCode = "404", description = "No such shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
    @APIResponse(responseCode = "200", description = "Cleared (or cancelled, when every line was removed)")
    @APIResponse(responseCode = "404", description = "No such shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It is not held, or a line it keeps is prohibited by a measure "
            + "in force",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ShipmentView clear(@PathParam("id") UUID id, @NotNull @Valid ClearanceBody body) {
        if (body.licenceDate() != null
                && body.licenceDate().isBefore(LocalDate.now().minusYears(MAX_LICENCE_AGE_YEARS))) {
            throw InvalidInput.field("licenceDate", "must be within the last " + MAX_LICENCE_AGE_YEARS + " years");
        }
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
    @APIResponse(responseCode = "200", description = "Dispatched")
    @APIResponse(responseCode = "404", description = "No such shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It is not planned or cleared, or an export rule in force now hits "
            + "it (named in the detail)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ShipmentView dispatch(@PathParam("id") UUID id, @NotNull @Valid DispatchBody body) {
        if (body.expectedDelivery() != null
                && body.expectedDelivery().isAfter(LocalDate.now().plusYears(MAX_YEARS_AHEAD))) {
            throw InvalidInput.field("expectedDelivery", "must be within " + MAX_YEARS_AHEAD + " years");
        }
        return ShipmentView.of(shipments.dispatch(id, body.mode(), body.carrier().strip(),
                body.trackingReference().strip(), body.expectedDelivery()));
    }

    @POST
    @Path("/shipments/{id}/milestones")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(summary = "Record a milestone of a dispatched shipment (customs entry, hold, release...)")
    @APIResponse(responseCode = "200", description = "Recorded; the shipment is in transit")
    @APIResponse(responseCode = "404", description = "No such shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It is not dispatched or in transit, or has as many milestones "
            + "as a journey records (" + Shipment.MAX_MILESTONES + ")",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ShipmentView milestone(@PathParam("id") UUID id, @NotNull @Valid MilestoneBody body) {
        return ShipmentView.of(shipments.milestone(id, body.milestone().name(), body.location(), body.note(),
                body.occurredAt()));
    }

    @POST
    @Path("/shipments/{id}/delivery")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(summary = "Record that the carrier delivered the shipment")
    @APIResponse(responseCode = "200", description = "Delivered")
    @APIResponse(responseCode = "404", description = "No such shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It is not dispatched or in transit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ShipmentView deliver(@PathParam("id") UUID id, @NotNull @Valid DeliveryBody body) {
        return ShipmentView.of(shipments.deliver(id, body.deliveredAt()));
    }

    @POST
    @Path("/shipments/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(summary = "Cancel a shipment before dispatch; its reserved stock is released")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "404", description = "No such shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It was dispatched already, or has ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ShipmentView cancel(@PathParam("id") UUID id, @NotNull @Valid CancellationBody body) {
        return ShipmentView.of(shipments.cancel(id, body.reason().strip(), caller.subject()));
    }

    @GET
    @Path("/backorders")
    @RolesAllowed({Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "Approved equipment waiting for stock (OPEN), and what became of earlier backorders, oldest first")
    @APIResponse(responseCode = "200", description = "A page of backorders, oldest first",
            headers = @Header(name = "Link", description = Pages.LINK_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, maxLength = 2_500)),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = BackorderView.class,
                    maxItems = Pages.MAX)))
    public Response backorders(@QueryParam("requestId") UUID requestId,
                               @QueryParam("status") Backorder.Status status,
                               @QueryParam("limit") @DefaultValue(Pages.DEFAULT) @Min(1) @Max(Pages.MAX)
                               @Parameter(description = Pages.LIMIT_DESCRIPTION) int limit,
                               @QueryParam("cursor") @Size(max = 200) @Parameter(description = Pages.CURSOR_DESCRIPTION)
                               String cursor,
                               @Context UriInfo uri) {
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
        if (cursor != null) {
            Object[] after = Pages.read(cursor, 2,
                    parts -> new Object[] {OffsetDateTime.parse(parts[0]), Long.parseLong(parts[1])});
            query.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
            params.put("at", after[0]);
            params.put("id", after[1]);
        }
        query.append(" order by createdAt, id");
        List<Backorder> found = Backorder.<Backorder>find(query.toString(), params).range(0, limit).list();
        return Pages.of(found, limit, BackorderView::of, b -> new Object[] {b.createdAt, b.id}, uri);
    }

    @POST
    @Path("/backorders/{reference}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(summary = "Cancel what a backorder still waits for (publishes assistance.shipment.backorder-cancelled.v1)")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = BackorderView.class)))
    @APIResponse(responseCode = "404", description = "No such backorder",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It was fulfilled or cancelled already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BackorderView cancelBackorder(@PathParam("reference") @Parameter(description = "the backorder's reference")
                                         UUID reference, @NotNull @Valid CancellationBody body) {
        return BackorderView.of(backorders.cancel(reference, body.reason().strip(), caller.subject()));
    }
}
