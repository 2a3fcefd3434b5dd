package org.assistance.requestservice.messages;

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
import java.util.UUID;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.security.TenantScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/requests/{id}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages", description = "The conversation of a request between its partner agency and the programme")
@SecurityRequirement(name = "bearer")
@APIResponse(
        responseCode = "401",
        description = "No valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "Role not allowed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "404",
        description = "No such request for this caller",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MessageResource {
    static final int MAX_PAGE = 100;
    /** The next page's URL: this one's (at most the 4 KiB request line) on this host. */
    static final int MAX_NEXT_LINK = 8_192;
    /** A cursor this API gives out is about 50 characters. */
    static final int MAX_CURSOR = 200;

    private final Conversations conversations;
    private final Caller caller;

    public MessageResource(Conversations conversations, Caller caller) {
        this.conversations = conversations;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.OPERATIONS})
    @Operation(
            summary = "Post a message on a request's conversation",
            description = "The partner agency of the request writes to the programme; reviewers and operations "
                    + "write to the partner, or INTERNAL notes between staff that the partner never reads. "
                    + "While the request is INFORMATION_REQUESTED, the partner's message answers the programme's "
                    + "questions: the request is back UNDER_REVIEW and its review case back in the queue.")
    @APIResponse(
            responseCode = "201",
            description = "Posted",
            content = @Content(schema = @Schema(implementation = MessageView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Blank body or over 10,000 characters, control characters, or inReplyTo naming no message "
                    + "of this conversation the author may read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Role not allowed, or a partner posting an INTERNAL note",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "Body over 256 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "Not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response post(@PathParam("id") UUID id, @NotNull @Valid MessageDraft draft, @Context UriInfo uri) {
        TenantScope scope = caller.scope();
        RequestMessage message = conversations.post(id, scope, authorRole(scope), caller.subject(), draft);
        // the thread it joined is where it is read (no message is read alone)
        return Response.created(uri.getAbsolutePathBuilder().build())
                .entity(MessageView.of(message))
                .build();
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(
            summary = "A request's conversation, oldest first, a page at a time",
            description = "A partner reads only its own agency's requests' conversations, without internal notes.")
    @APIResponse(
            responseCode = "200",
            description = "One page, and the link to the next",
            content = @Content(schema = @Schema(implementation = MessageView.Page.class)))
    @APIResponse(
            responseCode = "400",
            description = "A cursor this API did not give out",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MessageView.Page thread(
            @PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_PAGE) int limit,
            @Parameter(description = "Where the page starts: from the previous page's `next`")
                    @QueryParam("cursor")
                    @Size(max = MAX_CURSOR)
                    String cursor,
            @Context UriInfo uri) {
        Conversations.Page page = conversations.thread(id, caller.scope(), limit, cursor);
        // only the parameters this operation knows: whatever else the request carried is not repeated
        String next = page.nextCursor() == null
                ? null
                : uri.getAbsolutePathBuilder()
                        .queryParam("limit", limit)
                        .queryParam("cursor", page.nextCursor())
                        .build()
                        .toString();
        return new MessageView.Page(
                page.messages().stream().map(MessageView::of).toList(), next);
    }

    /**
     * Who the author writes as: the request's partner agency, or the programme (any staff role the
     * operation allows; the author's subject names the person).
     */
    private String authorRole(TenantScope scope) {
        return scope.confinedToAgency() ? RequestMessage.PARTNER : RequestMessage.PROGRAMME;
    }
}
