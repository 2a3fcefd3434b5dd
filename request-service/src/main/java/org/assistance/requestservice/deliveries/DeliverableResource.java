package org.assistance.requestservice.deliveries;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/requests/{id}/deliverables")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliverables", description = "What an approved request is to receive, and what is still owed")
@SecurityRequirement(name = "bearer")
@APIResponse(
        responseCode = "401",
        description = "No valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "Role not allowed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DeliverableResource {
    private final Deliveries deliveries;
    private final Caller caller;

    public DeliverableResource(Deliveries deliveries, Caller caller) {
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.FOCAL_POINT, Roles.REVIEWER, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(
            summary = "The deliverables of a request, each with its state (PENDING, IN_PROGRESS, DELIVERED, "
                    + "CANCELLED with a reason), and what is still outstanding; a partner sees only its agency's")
    @APIResponse(
            responseCode = "200",
            description = "The deliverables and those outstanding",
            content = @Content(schema = @Schema(implementation = RequestDeliverables.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such request for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RequestDeliverables get(@PathParam("id") UUID requestId) {
        return deliveries.of(requestId, caller.scope());
    }
}
