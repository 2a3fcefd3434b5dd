package org.assistance.equipmentservice.shipments;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
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

/**
 * Impediments of a shipment: what stopped or slowed it other than a screening rule. Logistics
 * records and resolves them; whoever may read the shipment reads them (a partner its agency's, a
 * focal point those to its State). The class path is the one of the service's other resources
 * under it: JAX-RS picks one root class per request, and a longer one would hide their operations.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Impediments",
        description = "Refusals of carriers, banks, suppliers and insurers, licences denied or delayed: what "
                + "stopped or slowed a shipment other than a screening rule, stated as facts")
@SecurityRequirement(name = "bearer")
public class ImpedimentResource {
    private final Impediments impediments;
    private final Caller caller;

    public ImpedimentResource(Impediments impediments, Caller caller) {
        this.impediments = impediments;
        this.caller = caller;
    }

    @POST
    @Path("/shipments/{id}/impediments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LOGISTICS, Roles.ADMIN})
    @Operation(
            summary = "Record an impediment of a shipment (publishes assistance.shipment.impediment-recorded.v1); "
                    + "a cancelled shipment's too, if it occurred by the cancellation")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; Location is the impediment",
            content = @Content(schema = @Schema(implementation = ImpedimentView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The shipment has as many impediments as one records (" + Impediment.MAX_PER_SHIPMENT + ")",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The shipment was cancelled before the impediment occurred",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("id") UUID id, @NotNull @Valid ImpedimentDraft body, @Context UriInfo uri) {
        Impediment impediment = impediments.record(
                id,
                body.kind(),
                body.party().strip(),
                body.basis(),
                body.occurredAt(),
                body.resolvedAt(),
                text(body.note()),
                body.extraCost() == null ? null : body.extraCost().toMoney(),
                caller.subject());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(impediment.id.toString())
                        .build())
                .entity(ImpedimentView.of(impediment))
                .build();
    }

    @GET
    @Path("/shipments/{id}/impediments")
    @RolesAllowed({Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN, Roles.REVIEWER, Roles.PARTNER, Roles.FOCAL_POINT})
    @Operation(summary = "The shipment's impediments, in the order they occurred")
    @APIResponse(
            responseCode = "200",
            description = "The impediments",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            maxItems = Impediment.MAX_PER_SHIPMENT,
                                            implementation = ImpedimentView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such shipment (or not the caller's to read)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ImpedimentView> list(@PathParam("id") UUID id) {
        return impediments.of(id, caller.scope()).stream()
                .map(ImpedimentView::of)
                .toList();
    }

    @GET
    @Path("/shipments/{id}/impediments/{impedimentId}")
    @RolesAllowed({Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN, Roles.REVIEWER, Roles.PARTNER, Roles.FOCAL_POINT})
    @Operation(summary = "One impediment of the shipment")
    @APIResponse(
            responseCode = "200",
            description = "The impediment",
            content = @Content(schema = @Schema(implementation = ImpedimentView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such shipment (or not the caller's to read), or no such impediment of it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImpedimentView one(@PathParam("id") UUID id, @PathParam("impedimentId") UUID impedimentId) {
        return ImpedimentView.of(impediments.one(id, impedimentId, caller.scope()));
    }

    @POST
    @Path("/shipments/{id}/impediments/{impedimentId}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LOGISTICS, Roles.ADMIN})
    @Operation(
            summary = "Record that an impediment no longer stands, and what it cost in the end (publishes "
                    + "assistance.shipment.impediment-resolved.v1)")
    @APIResponse(
            responseCode = "200",
            description = "Resolved",
            content = @Content(schema = @Schema(implementation = ImpedimentView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such shipment, or no such impediment of it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "It was resolved already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImpedimentView resolve(
            @PathParam("id") UUID id,
            @PathParam("impedimentId") UUID impedimentId,
            @NotNull @Valid ImpedimentResolution body) {
        return ImpedimentView.of(impediments.resolve(
                id,
                impedimentId,
                body.resolvedAt(),
                body.extraCost() == null ? null : body.extraCost().toMoney(),
                text(body.note()),
                caller.subject()));
    }

    private static String text(String given) {
        return given == null || given.isBlank() ? null : given.strip();
    }
}
