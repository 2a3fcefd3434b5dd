package org.assistance.requestservice.requests;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
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

@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests", description = "Assistance requests of partner agencies")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RequestResource {
    private final AssistanceRequests requests;
    private final RequestSearch search;
    private final Caller caller;

    public RequestResource(AssistanceRequests requests, RequestSearch search, Caller caller) {
        this.requests = requests;
        this.search = search;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Submit a request for assistance on behalf of a State's authority")
    @APIResponse(responseCode = "201", description = "Submitted",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@NotNull @Valid RequestDraft draft, @Context UriInfo uri) {
        AssistanceRequest request = requests.submit(caller.requireAgency(), draft, caller.subject());
        return Response.created(uri.getAbsolutePathBuilder().path(request.id.toString()).build())
                .entity(RequestView.of(request)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.OPERATIONS, Roles.ADMIN, Roles.LOGISTICS})
    @Operation(summary = "One request; a partner sees only its own agency's")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "404", description = "No such request for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RequestView get(@PathParam("id") UUID id) {
        return RequestView.of(requests.visibleTo(id, tenant()));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.OPERATIONS, Roles.ADMIN, Roles.LOGISTICS})
    @Operation(summary = "Status changes of a request with time, actor and reason")
    public List<RequestView.Change> history(@PathParam("id") UUID id) {
        requests.visibleTo(id, tenant());
        return StatusChange.of(id).stream().map(RequestView.Change::of).toList();
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.OPERATIONS, Roles.ADMIN, Roles.LOGISTICS})
    @Operation(summary = "Requests, newest first, a page at a time; a partner sees only its agency's")
    public RequestView.Page list(@QueryParam("status") RequestStatus status,
                                 @QueryParam("country") String country,
                                 @QueryParam("thematicArea") ThematicArea thematicArea,
                                 @QueryParam("priority") Priority priority,
                                 @QueryParam("submittedFrom") OffsetDateTime submittedFrom,
                                 @QueryParam("submittedTo") OffsetDateTime submittedTo,
                                 @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
                                 @QueryParam("cursor") String cursor,
                                 @Context UriInfo uri) {
        RequestSearch.Criteria criteria = new RequestSearch.Criteria(tenant(), status, country, thematicArea,
                priority, submittedFrom, submittedTo);
        RequestSearch.Result result = search.find(criteria, limit, cursor);
        String next = result.nextCursor() == null ? null
                : uri.getRequestUriBuilder().replaceQueryParam("cursor", result.nextCursor()).build().toString();
        return new RequestView.Page(result.items().stream().map(RequestView::of).toList(), next);
    }

    /** The agency a partner is confined to; null for staff, who see every agency's requests. */
    private String tenant() {
        return caller.is(Roles.PARTNER) && !caller.isStaff() ? caller.requireAgency() : null;
    }
}
