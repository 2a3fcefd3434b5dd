package org.assistance.reportingservice.results;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.security.TenantScope;
import org.assistance.chassis.texts.Text;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/programmes/{code}/results")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results", description = "Programmes' indicators: targets against actuals")
@SecurityRequirement(name = "bearer")
public class ResultsResource {
    private final Results results;
    private final Caller caller;

    public ResultsResource(Results results, Caller caller) {
        this.results = results;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.OPERATIONS, Roles.ADMIN, Roles.REVIEWER, Roles.LOGISTICS, Roles.DONOR})
    @Operation(
            summary = "A programme's results framework: each indicator's definition, its target and its actuals per "
                    + "period (programme-wide, per recipient country, per sex), and the progress of the latest period "
                    + "toward the target; a donor reads the programmes it funds only")
    @APIResponse(
            responseCode = "200",
            description = "The programme's results",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProgrammeResults.class)))
    @APIResponse(
            responseCode = "404",
            description = "No programme of that code, or one the donor does not fund",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProgrammeResults programme(
            @Parameter(description = "Programme code", example = "GLOCY")
                    @PathParam("code")
                    @Size(min = 1, max = 20)
                    @Pattern(regexp = "^[A-Za-z0-9_-]+$", message = "{reporting.programme-code}")
                    String code) {
        TenantScope scope = caller.scope();
        // a programme the donor does not fund is none of its business, not even that it exists
        if (scope.confinedToDonor() ? !results.funds(scope.donor(), code) : !results.known(code)) {
            throw DomainRuleViolation.notFound(Text.of("reporting.programme-not-found", "programme", code));
        }
        return results.ofProgramme(code);
    }
}
