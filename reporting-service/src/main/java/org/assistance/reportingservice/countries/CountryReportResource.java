package org.assistance.reportingservice.countries;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/countries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Countries", description = "A State's requests by its national priorities")
@SecurityRequirement(name = "bearer")
public class CountryReportResource {
    private final CountryReports reports;
    private final Caller caller;

    public CountryReportResource(CountryReports reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @Path("/{country}/report")
    @RolesAllowed({Roles.OPERATIONS, Roles.ADMIN, Roles.REVIEWER, Roles.FOCAL_POINT})
    @Operation(
            summary = "A State's requests, value approved and value delivered per national priority and currency, "
                    + "the share of approved value answering a stated priority, and the endorsements; a focal point "
                    + "reads its own State's only")
    @APIResponse(
            responseCode = "200",
            description = "The country report",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CountryReport.class)))
    @APIResponse(
            responseCode = "403",
            description = "A focal point asking for another State's report",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CountryReport report(
            @Parameter(description = "ISO 3166-1 alpha-2 code of the State", example = "KE")
                    @PathParam("country")
                    @Size(min = 2, max = 2)
                    @Pattern(regexp = "^[A-Za-z]{2}$", message = "{reporting.country-code}")
                    String country) {
        String code = country.toUpperCase(Locale.ROOT);
        // staff read every State's report; a State's focal point its own only
        if (!caller.scope().includesCountry(code)) {
            throw new ForbiddenException("a focal point reads its own State's report only");
        }
        return reports.of(code);
    }
}
