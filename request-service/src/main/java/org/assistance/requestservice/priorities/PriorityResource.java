package org.assistance.requestservice.priorities;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.assistance.chassis.validation.CountryCode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/countries/{country}/priorities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "National priorities", description = "A State's own priorities for technical assistance")
@SecurityRequirement(name = "bearer")
@APIResponse(
        responseCode = "400",
        description = "The country is not an ISO 3166-1 alpha-2 code, or the body is invalid (each field named)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "401",
        description = "No valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "Role not allowed, or the focal point of another State",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PriorityResource {
    private final NationalPriorities priorities;
    private final Caller caller;

    public PriorityResource(NationalPriorities priorities, Caller caller) {
        this.priorities = priorities;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FOCAL_POINT, Roles.ADMIN})
    @Operation(
            summary = "State a national priority of the State (its focal point, or an admin for it)",
            description =
                    "Announced as assistance.country.priority-stated.v1. Requests name it by its id (priorityId).")
    @APIResponse(
            responseCode = "201",
            description = "Stated",
            content = @Content(schema = @Schema(implementation = PriorityView.class)))
    @APIResponse(
            responseCode = "413",
            description = "Body over 256 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "Not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response state(
            @Parameter(description = "ISO 3166-1 alpha-2 country code", example = "KE")
                    @PathParam("country")
                    @Size(min = 2, max = 2)
                    @Pattern(regexp = "^[A-Z]{2}$")
                    @CountryCode
                    String country,
            @NotNull @Valid PriorityDraft draft,
            @Context UriInfo uri) {
        NationalPriority priority = priorities.state(country, caller.scope(), draft, caller.subject());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(priority.id.toString())
                        .build())
                .entity(PriorityView.of(priority))
                .build();
    }

    @GET
    @RolesAllowed({Roles.FOCAL_POINT, Roles.PARTNER, Roles.REVIEWER, Roles.OPERATIONS, Roles.LOGISTICS, Roles.ADMIN})
    @Operation(
            summary = "The State's national priorities, by rank (1 first)",
            description = "Partners read them to name the priority a request answers; a focal point reads its own "
                    + "State's only.")
    @APIResponse(
            responseCode = "200",
            description = "The priorities, by rank; the earlier stated first within a rank",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            maxItems = NationalPriorities.MAX_LISTED,
                                            implementation = PriorityView.class)))
    public List<PriorityView> list(
            @Parameter(description = "ISO 3166-1 alpha-2 country code", example = "KE")
                    @PathParam("country")
                    @Size(min = 2, max = 2)
                    @Pattern(regexp = "^[A-Z]{2}$")
                    @CountryCode
                    String country) {
        return priorities.of(country, caller.scope()).stream()
                .map(PriorityView::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FOCAL_POINT, Roles.PARTNER, Roles.REVIEWER, Roles.OPERATIONS, Roles.LOGISTICS, Roles.ADMIN})
    @Operation(
            summary = "One national priority of the State",
            description = "Where POST's Location points; another State's priority is not found here.")
    @APIResponse(
            responseCode = "200",
            description = "The priority",
            content = @Content(schema = @Schema(implementation = PriorityView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such priority of this State",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PriorityView get(
            @Parameter(description = "ISO 3166-1 alpha-2 country code", example = "KE")
                    @PathParam("country")
                    @Size(min = 2, max = 2)
                    @Pattern(regexp = "^[A-Z]{2}$")
                    @CountryCode
                    String country,
            @PathParam("id") UUID id) {
        return PriorityView.of(priorities.one(country, id, caller.scope()));
    }
}
