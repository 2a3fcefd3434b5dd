package org.assistance.requestservice.vocabulary;

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

/** The names of thematic areas, assistance types, request statuses and priorities in the caller's language. */
@Path("/api/v1/vocabulary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabulary", description = "The names of the codes requests use, in the six languages of the UN")
@SecurityRequirement(name = "bearer")
@APIResponse(
        responseCode = "401",
        description = "No valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "Role not allowed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class VocabularyResource {

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.FOCAL_POINT, Roles.REVIEWER, Roles.OPERATIONS, Roles.ADMIN, Roles.LOGISTICS})
    @Operation(
            summary = "The names of thematic areas, assistance types, request statuses and priorities",
            description = "In the language Accept-Language asks for (e.g. fr, or es;q=0.9, en;q=0.5) "
                    + "among en, ar, zh, fr, ru and es, English otherwise; Content-Language says which.")
    @APIResponse(
            responseCode = "200",
            description = "Every code with its name",
            content = @Content(schema = @Schema(implementation = Vocabulary.class)))
    public Response names(@Context HttpHeaders headers) {
        Locale language = Languages.of(headers);
        return Languages.answeredIn(Response.ok(Vocabulary.in(language)), language)
                .build();
    }
}
