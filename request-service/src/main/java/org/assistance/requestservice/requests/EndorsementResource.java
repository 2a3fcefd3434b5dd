package org.assistance.requestservice.requests;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/requests/{id}/endorsement")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests", description = "Assistance requests of partner agencies")
@SecurityRequirement(name = "bearer")
public class EndorsementResource {
    private final AssistanceRequests requests;
    private final Caller caller;

    public EndorsementResource(AssistanceRequests requests, Caller caller) {
        this.requests = requests;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FOCAL_POINT)
    @Operation(
            summary = "The State endorses a request for it, or declines to (its national focal point only)",
            description = "Allowed while the request awaits a decision (SUBMITTED, UNDER_REVIEW, "
                    + "INFORMATION_REQUESTED); a later decision replaces an earlier one. Announced as "
                    + "assistance.request.endorsed.v1 or assistance.request.endorsement-declined.v1.")
    @APIResponse(
            responseCode = "200",
            description = "Recorded: the request's endorsement as it now stands",
            content = @Content(schema = @Schema(implementation = RequestView.EndorsementView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body, naming each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "401",
            description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not a national focal point",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such request for this State",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already decided (approved, rejected, ...) or withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "Body over 256 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "Not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RequestView.EndorsementView endorse(@PathParam("id") UUID id, @NotNull @Valid Endorsement endorsement) {
        return RequestView.EndorsementView.of(requests.endorse(id, caller.scope(), endorsement, caller.subject()));
    }
}
