package org.assistance.chassis.ratelimit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.texts.Text;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admins give one caller a limit of its own (a partner's nightly synchronisation, a runaway
 * client held back), change it and lift it; each change is audited. Every instance of the service
 * applies a change within {@code assistance.rate-limit.overrides-refresh-every}.
 */
@Path("/api/v1/admin/rate-limits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rate limits", description = "One caller's own rate limit in place of its role's, set by an admin")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class RateLimitOverrideResource {
    /** At most this many overrides: they are exceptions, and the listing is one page. */
    static final int MAX_OVERRIDES = 1000;

    private final RateLimitOverrides overrides;
    private final Caller caller;

    public RateLimitOverrideResource(RateLimitOverrides overrides, Caller caller) {
        this.overrides = overrides;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "Every override, by caller",
            description = "An expired override stays listed, and no longer applies, until it is replaced or removed.")
    @APIResponse(
            responseCode = "200",
            description = "The overrides",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = RateLimitOverride.class,
                                            maxItems = MAX_OVERRIDES)))
    public List<RateLimitOverride> list() {
        return overrides.all();
    }

    @PUT
    @Path("/{caller}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Give a caller a limit of its own, or change it",
            description = "The caller's calls then spend a bucket of this limit (policy `override` in "
                    + "RateLimit-Policy), starting full, until it expires or is removed.")
    @APIResponse(
            responseCode = "201",
            description = "Set: the caller had no override",
            content = @Content(schema = @Schema(implementation = RateLimitOverride.class)))
    @APIResponse(
            responseCode = "200",
            description = "Changed: the caller's override is replaced",
            content = @Content(schema = @Schema(implementation = RateLimitOverride.class)))
    @APIResponse(
            responseCode = "409",
            description = "As many callers have an override as may (" + MAX_OVERRIDES + ")",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response set(
            @Parameter(
                            description = "Whose bucket: `agency:<id>`, `donor:<id>` or `subject:<token subject>`",
                            example = "agency:agency-example")
                    @PathParam("caller")
                    @Size(max = RateLimitOverrides.LONGEST_CALLER)
                    @Pattern(regexp = RateLimitOverrides.CALLER, message = "{rate-limits.caller}")
                    String who,
            @NotNull @Valid OverrideDraft draft) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (draft.expiresAt() != null && !draft.expiresAt().isAfter(now)) {
            throw InvalidInput.field("expiresAt", Text.of("rate-limits.expires-in-the-past"));
        }
        RateLimitOverride override = new RateLimitOverride(
                who,
                draft.capacity(),
                draft.perSecond(),
                draft.reason().strip(),
                caller.subject(),
                now,
                draft.expiresAt() == null ? null : draft.expiresAt().withOffsetSameInstant(ZoneOffset.UTC));
        RateLimitOverrides.Stored stored = overrides.set(override, MAX_OVERRIDES);
        return Response.status(stored.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(stored.override())
                .build();
    }

    @DELETE
    @Path("/{caller}")
    @Operation(
            summary = "Lift a caller's override: its role's limit applies again",
            description = "Its calls spend their role's bucket again (within the refresh time on other instances).")
    @APIResponse(responseCode = "204", description = "Lifted")
    @APIResponse(
            responseCode = "404",
            description = "The caller has no override",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response remove(
            @Parameter(description = "Whose bucket, as it was set", example = "agency:agency-example")
                    @PathParam("caller")
                    @Size(max = RateLimitOverrides.LONGEST_CALLER)
                    @Pattern(regexp = RateLimitOverrides.CALLER, message = "{rate-limits.caller}")
                    String who) {
        overrides.remove(who);
        return Response.noContent().build();
    }

    /** A caller's limit as an admin sets it. */
    @Schema(name = "RateLimitOverrideDraft")
    public record OverrideDraft(
            @Schema(
                    description = "Calls at once after a quiet spell",
                    minimum = "1",
                    maximum = "1000000",
                    required = true)
            @NotNull
            @Min(1)
            @Max(1_000_000)
            Long capacity,

            @Schema(
                    description = "Calls added back each second, up to the capacity",
                    minimum = "1",
                    maximum = "1000000",
                    required = true)
            @NotNull
            @Min(1)
            @Max(1_000_000)
            Long perSecond,

            @Schema(
                    description = "Why this caller's limit differs",
                    maxLength = RateLimitOverrides.LONGEST_REASON,
                    required = true)
            @NotBlank(message = "{rate-limits.reason-required}")
            @Size(max = RateLimitOverrides.LONGEST_REASON)
            String reason,

            @Schema(description = "From when it no longer applies (in the future); absent: until removed")
            OffsetDateTime expiresAt) {}
}
