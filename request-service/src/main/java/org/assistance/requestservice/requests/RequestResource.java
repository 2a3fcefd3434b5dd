package org.assistance.requestservice.requests;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.http.EntityTags;
import org.assistance.chassis.http.JsonMergePatch;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests", description = "Assistance requests of partner agencies")
@SecurityRequirement(name = "bearer")
@APIResponse(
        responseCode = "401",
        description = "No valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "Role not allowed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RequestResource {
    static final int MAX_COMMENT = 2_000;
    static final int MAX_PAGE = 100;
    /** The next page's URL: this one's (at most the 4 KiB request line) on this host. */
    static final int MAX_NEXT_LINK = 8_192;
    /** A cursor this API gives out is about 80 characters. */
    static final int MAX_CURSOR = 200;
    /** An ETag here is a quoted version number; If-None-Match may list a few. */
    static final int MAX_ETAGS = 200;

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
    @Operation(
            summary = "Submit a request for assistance on behalf of a State's authority",
            description =
                    "The agency comes from the token. With an Idempotency-Key, resending the same body "
                            + "answers with the request created the first time; the same key with another body is refused (422).")
    @APIResponse(
            responseCode = "201",
            description = "Submitted (or replayed for a repeated Idempotency-Key)",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid request, naming each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "Body over 256 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "Not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Idempotency-Key reused with a different body, or an equipment "
                    + "line naming an item that is not in the catalogue or was withdrawn (each such line named in errors, "
                    + "e.g. equipmentLines[1].itemCode)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(
            @NotNull @Valid RequestDraft draft,
            @Parameter(description = "Any unique string (e.g. a UUID) chosen by the client per request")
                    @HeaderParam("Idempotency-Key")
                    @Size(max = 200)
                    String idempotencyKey,
            @Context UriInfo uri) {
        AssistanceRequests.Submission submission =
                requests.submit(caller.requireAgency(), draft, caller.subject(), idempotencyKey);
        AssistanceRequest request = submission.request();
        return Response.created(
                        uri.getAbsolutePathBuilder().path(request.id.toString()).build())
                .tag(new EntityTag(String.valueOf(request.version)))
                .header("Idempotent-Replayed", submission.replayed() ? "true" : null)
                .entity(RequestView.of(request))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.FOCAL_POINT, Roles.REVIEWER, Roles.OPERATIONS, Roles.ADMIN, Roles.LOGISTICS})
    @Operation(
            summary = "One request; a partner sees only its own agency's, a focal point only its State's. "
                    + "The ETag is needed to amend it.")
    @APIResponse(
            responseCode = "200",
            description = "The request, with its version as ETag",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(
            responseCode = "404",
            description = "No such request for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(
            @PathParam("id") UUID id,
            @Parameter(description = "The ETag last read: 304 if the request has not changed since")
                    @HeaderParam("If-None-Match")
                    @Size(max = MAX_ETAGS)
                    String ifNoneMatch) {
        AssistanceRequest request = requests.visibleTo(id, caller.scope());
        if (EntityTags.matches(ifNoneMatch, request.version)) {
            return Response.notModified(new EntityTag(String.valueOf(request.version)))
                    .build();
        }
        return Response.ok(RequestView.of(request))
                .tag(new EntityTag(String.valueOf(request.version)))
                .build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.PARTNER)
    @Operation(
            summary = "Amend a request (JSON merge patch) while it is SUBMITTED or INFORMATION_REQUESTED",
            description = "If-Match must carry the ETag last read: a stale one gets 412, a missing one 428.")
    @APIResponse(
            responseCode = "200",
            description = "Amended, with its new version as ETag",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such request for this agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not amendable in its current status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "An equipment line names an item that is not in the catalogue "
                    + "or was withdrawn (each such line named in errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "Changed since the ETag in If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response amend(
            @PathParam("id") UUID id,
            @Parameter(description = "The ETag last read (required)") @HeaderParam("If-Match") @Size(max = MAX_ETAGS)
                    String ifMatch,
            @NotNull
                    @RequestBody(
                            content =
                                    @Content(
                                            mediaType = JsonMergePatch.MEDIA_TYPE,
                                            schema = @Schema(implementation = RequestAmendment.class),
                                            example = "{\"priority\": \"URGENT\", \"desiredBy\": \"2027-03-31\"}"))
                    JsonNode patch) {
        long expected = EntityTags.required(ifMatch);
        AssistanceRequest request;
        try {
            request = requests.amend(id, caller.requireAgency(), expected, patch, caller.subject());
        } catch (OptimisticLockException e) {
            throw EntityTags.stale(); // another amendment won the race for this version
        }
        return Response.ok(RequestView.of(request))
                .tag(new EntityTag(String.valueOf(request.version)))
                .build();
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Withdraw a request before a decision")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such request for this agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already decided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RequestView withdraw(@PathParam("id") UUID id, @Valid Withdrawal withdrawal) {
        return RequestView.of(requests.withdraw(
                id, caller.requireAgency(), withdrawal == null ? null : withdrawal.reason(), caller.subject()));
    }

    @POST
    @Path("/{id}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(
            summary =
                    "Confirm that a delivered request is complete, with a satisfaction rating and a comment for donors",
            description = "Closes the request (CLOSED). Without this, a delivered request closes by itself some time "
                    + "after delivery (60 days unless configured otherwise).")
    @APIResponse(
            responseCode = "200",
            description = "Closed with the agency's rating",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Rating outside 1 to 5, or comment over 2,000 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such request for this agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The request is not DELIVERED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RequestView complete(@PathParam("id") UUID id, @NotNull @Valid Completion completion) {
        return RequestView.of(requests.complete(
                id, caller.requireAgency(), completion.satisfaction(), completion.comment(), caller.subject()));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.PARTNER, Roles.FOCAL_POINT, Roles.REVIEWER, Roles.OPERATIONS, Roles.ADMIN, Roles.LOGISTICS})
    @Operation(summary = "Status changes of a request with time, actor and reason, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "The history (its latest " + StatusChange.MAX_HISTORY
                    + " changes, should a request ever have more)",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            maxItems = StatusChange.MAX_HISTORY,
                                            implementation = RequestView.Change.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such request for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<RequestView.Change> history(@PathParam("id") UUID id) {
        return requests.history(id, caller.scope()).stream()
                .map(RequestView.Change::of)
                .toList();
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.FOCAL_POINT, Roles.REVIEWER, Roles.OPERATIONS, Roles.ADMIN, Roles.LOGISTICS})
    @Operation(
            summary = "Requests, newest first, a page at a time; a partner sees only its agency's, a focal point "
                    + "only its State's (naming another country finds none)")
    @APIResponse(
            responseCode = "200",
            description = "One page, and the link to the next",
            content = @Content(schema = @Schema(implementation = RequestView.Page.class)))
    public RequestView.Page list(
            @QueryParam("status") RequestStatus status,
            @Parameter(description = "ISO 3166-1 alpha-2 country code", example = "KE")
                    @QueryParam("country")
                    @Size(min = 2, max = 2)
                    @Pattern(regexp = "^[A-Z]{2}$")
                    String country,
            @QueryParam("thematicArea") ThematicArea thematicArea,
            @QueryParam("priority") Priority priority,
            @QueryParam("submittedFrom") OffsetDateTime submittedFrom,
            @QueryParam("submittedTo") OffsetDateTime submittedTo,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(MAX_PAGE) int limit,
            @Parameter(description = "Where the page starts: from the previous page's `next`")
                    @QueryParam("cursor")
                    @Size(max = MAX_CURSOR)
                    String cursor,
            @Context UriInfo uri) {
        RequestSearch.Criteria criteria = new RequestSearch.Criteria(
                caller.scope(), status, country, thematicArea, priority, submittedFrom, submittedTo);
        RequestSearch.Result result = search.find(criteria, limit, cursor);
        String next = result.nextCursor() == null
                ? null
                : uri.getRequestUriBuilder()
                        .replaceQueryParam("cursor", result.nextCursor())
                        .build()
                        .toString();
        return new RequestView.Page(result.items().stream().map(RequestView::of).toList(), next);
    }
}
