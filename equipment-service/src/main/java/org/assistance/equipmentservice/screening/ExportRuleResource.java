package org.assistance.equipmentservice.screening;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.validation.CountryCode;
import org.assistance.equipmentservice.catalogue.ItemCategory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/export-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Export controls", description = "Export-control and sanctions rules every planned shipment is screened against")
@SecurityRequirement(name = "bearer")
public class ExportRuleResource {
    private final ExportRules rules;
    private final Caller caller;

    public ExportRuleResource(ExportRules rules, Caller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @Schema(name = "ExportRuleDraft")
    public record RuleBody(
            @NotBlank @Pattern(regexp = "\\*|[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code or *")
            @Schema(example = "KE") String destination,
            @NotBlank @Schema(example = "SURVEILLANCE", description = "an item category, or DUAL_USE for every dual-use item")
            String target,
            @NotNull @Schema(example = "LICENCE_REQUIRED") ExportRule.Measure measure,
            @NotBlank @Size(max = 200) @Schema(example = "Regulation (EU) 2021/821, Annex I 5A001") String reference,
            @NotBlank @Size(max = 2_000) @Schema(example = "Interception equipment needs an export licence") String reason) {

        void check() {
            boolean category = Arrays.stream(ItemCategory.values()).anyMatch(c -> c.name().equals(target));
            if (!category && !ExportRule.DUAL_USE.equals(target)) {
                throw InvalidInput.field("target", "must be an item category " + Arrays.toString(ItemCategory.values())
                        + " or DUAL_USE");
            }
            if (!ExportRule.ANY_DESTINATION.equals(destination) && !CountryCode.Validator.isValid(destination)) {
                throw InvalidInput.field("destination", "must be an ISO 3166-1 alpha-2 code or *");
            }
        }
    }

    @Schema(name = "ExportRuleRetirement")
    public record Retirement(@NotBlank @Size(max = 2_000) @Schema(example = "Sanctions lifted by Council Decision (CFSP) 2027/12")
                             String reason) {
    }

    @Schema(name = "ExportRule")
    public record RuleView(UUID id, String destination, String target, ExportRule.Measure measure, String reference,
                           String reason, OffsetDateTime createdAt, String createdBy, OffsetDateTime changedAt,
                           String changedBy,
                           @Schema(description = "how the rule read before each change, oldest first")
                           List<ExportRule.Revision> revisions,
                           @Schema(description = "false once retired: it then holds nothing") boolean active,
                           OffsetDateTime retiredAt, String retiredBy, String retirementReason) {
        static RuleView of(ExportRule r) {
            return new RuleView(r.id, r.destination, r.target, r.measure, r.reference, r.reason, r.createdAt,
                    r.createdBy, r.changedAt, r.changedBy, r.revisions, r.isActive(), r.retiredAt, r.retiredBy,
                    r.retirementReason);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a rule: shipments planned from now on are screened against it, and planned ones "
            + "not yet dispatched are screened again (those it hits are held)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RuleView.class)))
    public Response add(@NotNull @Valid RuleBody body) {
        body.check();
        ExportRule rule = rules.add(body.destination(), body.target(), body.measure(), body.reference().strip(),
                body.reason().strip(), caller.subject());
        return Response.status(Response.Status.CREATED).entity(RuleView.of(rule)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a rule (its earlier wording is kept); planned shipments are screened again")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "409", description = "The rule was retired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RuleView change(@PathParam("id") UUID id, @NotNull @Valid RuleBody body) {
        body.check();
        return RuleView.of(rules.change(id, body.destination(), body.target(), body.measure(),
                body.reference().strip(), body.reason().strip(), caller.subject()));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.LOGISTICS, Roles.OPERATIONS, Roles.REVIEWER})
    @Operation(summary = "The rules in force; with includeRetired=true every rule ever made, with its retirement")
    public List<RuleView> list(@QueryParam("includeRetired") @Parameter(description = "also the retired rules")
                               boolean includeRetired) {
        List<ExportRule> found = includeRetired ? ExportRule.list("order by createdAt, id")
                : ExportRule.list("retiredAt is null order by createdAt, id");
        return found.stream().map(RuleView::of).toList();
    }

    @POST
    @Path("/{id}/retirement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retire a rule: it holds nothing from now on and stays listed with who, when and why")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "409", description = "Already retired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RuleView retire(@PathParam("id") UUID id, @NotNull @Valid Retirement body) {
        return RuleView.of(rules.retire(id, body.reason().strip(), caller.subject()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Lift a rule: retires it (never deleted; shipments already held stay held until cleared)")
    @APIResponse(responseCode = "204", description = "Retired")
    @APIResponse(responseCode = "409", description = "Already retired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response lift(@PathParam("id") UUID id,
                         @QueryParam("reason") @Parameter(description = "why it is lifted") String reason) {
        if (reason != null && reason.strip().length() > 2_000) {
            throw InvalidInput.field("reason", "size must be between 0 and 2000");
        }
        rules.retire(id, reason == null || reason.isBlank() ? null : reason.strip(), caller.subject());
        return Response.noContent().build();
    }
}
