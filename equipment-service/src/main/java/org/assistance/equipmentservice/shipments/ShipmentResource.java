package org.assistance.equipmentservice.shipments;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.http.Pages;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.texts.Text;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipments", description = "Equipment on its way to the requesting authorities")
@SecurityRequirement(name = "bearer")
public class ShipmentResource {
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

    @GET
    @Path("/shipments")
    @RolesAllowed({Roles.PARTNER, Roles.FOCAL_POINT, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN, Roles.REVIEWER})
    @Operation(
            summary = "Shipments, newest first, by request, status or delay; partners see only their agency's, a "
                    + "focal point only those to its State")
    @APIResponse(
            responseCode = "200",
            description = "A page of shipments, newest first (with delayed, a page may hold "
                    + "fewer than limit while more follow)",
            headers =
                    @Header(
                            name = "Link",
                            description = Pages.LINK_DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 2_500)),
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = ShipmentView.class,
                                            maxItems = Pages.MAX)))
    public Response list(
            @QueryParam("requestId") UUID requestId,
            @QueryParam("status") ShipmentStatus status,
            @QueryParam("delayed") Boolean delayed,
            @QueryParam("limit")
                    @DefaultValue(Pages.DEFAULT)
                    @Min(1)
                    @Max(Pages.MAX)
                    @Parameter(description = Pages.LIMIT_DESCRIPTION)
                    int limit,
            @QueryParam("cursor") @Size(max = 200) @Parameter(description = Pages.CURSOR_DESCRIPTION) String cursor,
            @Context UriInfo uri) {
        Object[] after = cursor == null
                ? null
                : Pages.read(
                        cursor, 2, parts -> new Object[] {OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1])});
        List<Shipment> found = shipments.page(
                requestId,
                status,
                caller.scope(),
                after == null ? null : (OffsetDateTime) after[0],
                after == null ? null : (UUID) after[1],
                limit);
        OffsetDateTime now = OffsetDateTime.now();
        List<Shipment> page = found.size() > limit ? found.subList(0, limit) : found;
        List<Shipment> shown = page.stream()
                .filter(s -> delayed == null || s.isDelayed(now) == delayed)
                .toList();
        Map<UUID, List<Impediment>> impediments = shipments.impedimentsOf(shown);
        Response answer = Pages.of(found, limit, s -> s.id, s -> new Object[] {s.plannedAt, s.id}, uri);
        return Response.fromResponse(answer)
                .entity(shown.stream()
                        .map(s -> ShipmentView.of(s, impediments.getOrDefault(s.id, List.of()), now))
                        .toList())
                .build();
    }

    @GET
    @Path("/shipments/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.FOCAL_POINT, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "One shipment, with its screening hits and impediments")
    @APIResponse(responseCode = "200", description = "The shipment")
    @APIResponse(
            responseCode = "404",
            description = "No such shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ShipmentView get(@PathParam("id") UUID id) {
        return ShipmentView.of(shipments.get(id, caller.scope()));
    }

    @POST
    @Path("/shipments/{id}/clearance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(
            summary = "Clear a held shipment: a licence for LICENCE_REQUIRED lines; PROHIBITED lines must be "
                    + "removed (hits of retired rules no longer count). Removing every line cancels the shipment.")
    @APIResponse(responseCode = "200", description = "Cleared (or cancelled, when every line was removed)")
    @APIResponse(
            responseCode = "404",
            description = "No such shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "It is not held, or a line it keeps is prohibited by a measure " + "in force",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ShipmentView clear(@PathParam("id") UUID id, @NotNull @Valid Clearance body) {
        if (body.licenceDate() != null
                && body.licenceDate().isBefore(LocalDate.now().minusYears(MAX_LICENCE_AGE_YEARS))) {
            throw InvalidInput.field(
                    "licenceDate", Text.of("shipment.licence-too-old", "years", MAX_LICENCE_AGE_YEARS));
        }
        Set<String> remove = body.removeItems() == null ? Set.of() : Set.copyOf(body.removeItems());
        String reason = body.reason() == null || body.reason().isBlank()
                ? null
                : body.reason().strip();
        return ShipmentView.of(
                shipments.clear(id, body.licenceReference(), body.licenceDate(), remove, reason, caller.subject()));
    }

    @POST
    @Path("/shipments/{id}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(
            summary = "Hand a planned (screening passed) or cleared shipment to the carrier with the serial number "
                    + "of each monitored unit; the export rules in force are checked again, and one that now hits "
                    + "it refuses the dispatch (409 naming the rule)")
    @APIResponse(responseCode = "200", description = "Dispatched")
    @APIResponse(
            responseCode = "404",
            description = "No such shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "It is not planned or cleared, an export rule in force now hits it (named in the "
                    + "detail), or a serial number is in the asset register already (serial-already-registered)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Serial numbers missing or too many for a line (serials-required, naming each item with "
                    + "how many it needs and got), one given twice, or of an item the shipment does not carry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ShipmentView dispatch(@PathParam("id") UUID id, @NotNull @Valid Dispatch body) {
        if (body.expectedDelivery() != null
                && body.expectedDelivery().isAfter(LocalDate.now().plusYears(MAX_YEARS_AHEAD))) {
            throw InvalidInput.field(
                    "expectedDelivery", Text.of("shipment.expected-too-far", "years", MAX_YEARS_AHEAD));
        }
        return ShipmentView.of(shipments.dispatch(
                id,
                body.mode(),
                body.carrier().strip(),
                body.trackingReference().strip(),
                body.expectedDelivery(),
                body.units() == null
                        ? List.of()
                        : body.units().stream().map(DispatchedUnit::toUnit).toList()));
    }

    @POST
    @Path("/shipments/{id}/milestones")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(summary = "Record a milestone of a dispatched shipment (customs entry, hold, release...)")
    @APIResponse(responseCode = "200", description = "Recorded; the shipment is in transit")
    @APIResponse(
            responseCode = "404",
            description = "No such shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "It is not dispatched or in transit, or has as many milestones " + "as a journey records ("
                    + Shipment.MAX_MILESTONES + ")",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ShipmentView milestone(@PathParam("id") UUID id, @NotNull @Valid MilestoneDraft body) {
        return ShipmentView.of(
                shipments.milestone(id, body.milestone().name(), body.location(), body.note(), body.occurredAt()));
    }

    @POST
    @Path("/shipments/{id}/delivery")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(summary = "Record that the carrier delivered the shipment")
    @APIResponse(responseCode = "200", description = "Delivered")
    @APIResponse(
            responseCode = "404",
            description = "No such shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "It is not dispatched or in transit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ShipmentView deliver(@PathParam("id") UUID id, @NotNull @Valid DeliveryDraft body) {
        return ShipmentView.of(shipments.deliver(id, body.deliveredAt()));
    }

    @POST
    @Path("/shipments/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(summary = "Cancel a shipment before dispatch; its reserved stock is released")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(
            responseCode = "404",
            description = "No such shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "It was dispatched already, or has ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ShipmentView cancel(@PathParam("id") UUID id, @NotNull @Valid Cancellation body) {
        return ShipmentView.of(shipments.cancel(id, body.reason().strip(), caller.subject()));
    }

    @GET
    @Path("/backorders")
    @RolesAllowed({Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(
            summary =
                    "Approved equipment waiting for stock (OPEN), and what became of earlier backorders, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of backorders, oldest first",
            headers =
                    @Header(
                            name = "Link",
                            description = Pages.LINK_DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 2_500)),
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = BackorderView.class,
                                            maxItems = Pages.MAX)))
    public Response backorders(
            @QueryParam("requestId") UUID requestId,
            @QueryParam("status") Backorder.Status status,
            @QueryParam("limit")
                    @DefaultValue(Pages.DEFAULT)
                    @Min(1)
                    @Max(Pages.MAX)
                    @Parameter(description = Pages.LIMIT_DESCRIPTION)
                    int limit,
            @QueryParam("cursor") @Size(max = 200) @Parameter(description = Pages.CURSOR_DESCRIPTION) String cursor,
            @Context UriInfo uri) {
        Object[] after = cursor == null
                ? null
                : Pages.read(
                        cursor, 2, parts -> new Object[] {OffsetDateTime.parse(parts[0]), Long.parseLong(parts[1])});
        List<Backorder> found = backorders.page(
                requestId,
                status,
                after == null ? null : (OffsetDateTime) after[0],
                after == null ? null : (Long) after[1],
                limit);
        return Pages.of(found, limit, BackorderView::of, b -> new Object[] {b.createdAt, b.id}, uri);
    }

    @POST
    @Path("/backorders/{reference}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS)
    @Operation(
            summary = "Cancel what a backorder still waits for (publishes assistance.shipment.backorder-cancelled.v1)")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled",
            content = @Content(schema = @Schema(implementation = BackorderView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such backorder",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "It was fulfilled or cancelled already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BackorderView cancelBackorder(
            @PathParam("reference") @Parameter(description = "the backorder's reference") UUID reference,
            @NotNull @Valid Cancellation body) {
        return BackorderView.of(backorders.cancel(reference, body.reason().strip(), caller.subject()));
    }
}
