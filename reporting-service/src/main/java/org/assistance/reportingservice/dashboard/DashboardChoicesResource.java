package org.assistance.reportingservice.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.texts.Languages;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dashboard's filters as choices: what the read models hold, named in the caller's language. */
@Path("/api/v1/dashboard/choices")
@Tag(name = "Dashboard", description = "Delivery KPIs for operations staff, and their live stream")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.OPERATIONS, Roles.ADMIN, Roles.REVIEWER, Roles.LOGISTICS})
public class DashboardChoicesResource {
    private final DashboardChoices choices;

    public DashboardChoicesResource(DashboardChoices choices) {
        this.choices = choices;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "What the dashboard's filters can be set to: countries, thematic areas, programmes and donors",
            description = "Names are in the language Accept-Language asks for (one of the six UN languages; English"
                    + " by default), and sorted as that language sorts; Content-Language says which.")
    @APIResponse(
            responseCode = "200",
            description = "The choices, each a code and its name",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DashboardChoices.Choices.class)))
    @APIResponse(
            responseCode = "401",
            description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "A role that does not read the dashboard",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response choices(@Context HttpHeaders headers) {
        Locale language = Languages.of(headers);
        return Languages.answeredIn(Response.ok(choices.in(language)), language).build();
    }
}
