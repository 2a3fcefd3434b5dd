package org.assistance.reportingservice.rebuild;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.texts.Text;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class RebuildResource {
    private final ReadModelRebuild rebuild;

    public RebuildResource(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Operation(summary = "Rebuild every read model from the topics; reads go on from the current tables meanwhile")
    @APIResponse(
            responseCode = "202",
            description = "Started; GET this resource (Location) to follow it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RebuildStatus.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = "Where the rebuild's status is read",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100)))
    @APIResponse(
            responseCode = "409",
            description = "A rebuild is already running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start() {
        if (!rebuild.start()) {
            throw DomainRuleViolation.conflict(Text.of("rebuild.running"));
        }
        return Response.accepted(rebuild.status())
                .header("Location", "/api/v1/admin/rebuild")
                .build();
    }

    @GET
    @Operation(summary = "Where the last rebuild stands")
    @APIResponse(
            responseCode = "200",
            description = "The last rebuild's state (IDLE when none ran since the start)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RebuildStatus.class)))
    public RebuildStatus status() {
        return rebuild.status();
    }
}
