package org.assistance.reportingservice.results;

import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.reportingservice.results.ProgrammeResults.CountryResults;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/countries/{country}/results")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results", description = "Programmes' indicators: targets against actuals")
@SecurityRequirement(name = "bearer")
public class CountryResultsResource {
    private final Results results;
    private final Caller caller;

    public CountryResultsResource(Results results, Caller caller) {
        this.results = results;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.OPERATIONS, Roles.ADMIN, Roles.REVIEWER, Roles.FOCAL_POINT})
    @Operation(
            summary = "A State's results: per programme, each indicator's actuals in the State (computed, and entered "
                    + "for it) and the State's participants in aggregates; a focal point reads its own State's only")
    @APIResponse(
            responseCode = "200",
            description = "The State's results",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CountryResults.class)))
    @APIResponse(
            responseCode = "403",
            description = "A focal point asking for another State's results",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CountryResults country(
            @Parameter(description = "ISO 3166-1 alpha-2 code of the State", example = "KE")
                    @PathParam("country")
                    @Size(min = 2, max = 2)
                    @Pattern(regexp = "^[A-Za-z]{2}$", message = "{reporting.country-code}")
                    String country) {
        String code = country.toUpperCase(Locale.ROOT);
        // staff read every State's results; a State's focal point its own only (as the country report)
        if (!caller.scope().includesCountry(code)) {
            throw new ForbiddenException("a focal point reads its own State's results only");
        }
        return results.ofCountry(code);
    }
}
