package org.assistance.programservice.reviews;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.validation.CountryCode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/countries/{country}/review-policy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews", description = "The review queue of submitted requests")
@SecurityRequirement(name = "bearer")
@APIResponse(
        responseCode = "400",
        description = "The country is not an ISO 3166-1 alpha-2 code, or the body is invalid (each field named)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ReviewPolicyResource {
    private final ReviewPolicies policies;
    private final Caller caller;

    public ReviewPolicyResource(ReviewPolicies policies, Caller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.OPERATIONS, Roles.FOCAL_POINT})
    @Operation(
            summary = "Whether approving the State's requests waits for the State's endorsement",
            description = "A State whose policy was never set does not wait. A focal point reads its own State's only.")
    @APIResponse(
            responseCode = "200",
            description = "The State's review policy",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewPolicyView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Role not allowed, or the focal point of another State",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewPolicyView get(
            @Parameter(description = "ISO 3166-1 alpha-2 country code", example = "UY")
                    @PathParam("country")
                    @Size(min = 2, max = 2)
                    @Pattern(regexp = "^[A-Z]{2}$")
                    @CountryCode
                    String country) {
        return ReviewPolicyView.of(policies.of(country, caller.scope()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Set whether approving the State's requests waits for the State's endorsement",
            description = "Applies to approvals from now on, also to the second reviewer's confirmation of an approval "
                    + "above the four-eyes threshold; requests already approved stay approved. Whatever the policy, a "
                    + "request the State declined to endorse is not approved.")
    @APIResponse(
            responseCode = "200",
            description = "Set; the State's review policy as it is now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewPolicyView.class)))
    public ReviewPolicyView set(
            @Parameter(description = "ISO 3166-1 alpha-2 country code", example = "UY")
                    @PathParam("country")
                    @Size(min = 2, max = 2)
                    @Pattern(regexp = "^[A-Z]{2}$")
                    @CountryCode
                    String country,
            @NotNull @Valid ReviewPolicyBody body) {
        return ReviewPolicyView.of(policies.set(country, body.reviewWaitsForEndorsement(), caller.subject()));
    }
}
