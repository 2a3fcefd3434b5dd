package org.assistance.reportingservice.timelines;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.UUID;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.texts.Languages;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timelines", description = "Where is this request? Every event of it, across all services")
@SecurityRequirement(name = "bearer")
public class TimelineResource {
    private final Timelines timelines;
    private final Caller caller;

    public TimelineResource(Timelines timelines, Caller caller) {
        this.timelines = timelines;
        this.caller = caller;
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({Roles.PARTNER, Roles.FOCAL_POINT, Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(
            summary = "Every event of a request in order; partners read only their agency's timelines, a State's "
                    + "focal point only its State's, both in the partner's words (no internal money, no screening "
                    + "detail); the summaries in the language of Accept-Language (en, ar, zh, fr, ru, es)")
    @APIResponse(
            responseCode = "200",
            description = "The request's events in the order they happened, at most " + Timelines.PAGE_SIZE
                    + "; a Link header (rel=\"next\") points to the rest of a longer timeline",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = TimelineEvent.class,
                                            maxItems = Timelines.PAGE_SIZE)),
            headers = {
                @Header(
                        name = "Link",
                        description = "The next page, when there is one",
                        schema = @Schema(type = SchemaType.STRING, maxLength = 300)),
                @Header(
                        name = "Content-Language",
                        description = "The language the summaries are in: the one Accept-Language asked for among "
                                + "en, ar, zh, fr, ru, es (English by default)",
                        schema = @Schema(type = SchemaType.STRING, maxLength = 8))
            })
    @APIResponse(
            responseCode = "404",
            description = "No such request, or not the calling agency's (or the focal point's State's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response timeline(
            @PathParam("id") UUID id,
            @Parameter(description = "The cursor of the next page, from the Link header")
                    @QueryParam("after")
                    @Size(max = 100)
                    @Pattern(regexp = "^[A-Za-z0-9_-]*$", message = "{timeline.cursor-unknown}")
                    String after,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Locale language = Languages.of(headers);
        Timelines.Page page = timelines.of(id, caller.scope(), after, language);
        Response.ResponseBuilder answer = Languages.answeredIn(Response.ok(page.events()), language);
        if (page.next() != null) {
            answer.link(
                    uri.getRequestUriBuilder()
                            .replaceQueryParam("after", page.next())
                            .build(),
                    "next");
        }
        return answer.build();
    }
}
