package org.assistance.equipmentservice.screening;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.validation.CountryCode;
import org.assistance.equipmentservice.catalogue.ItemCategory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    @Schema(name = "ExportRuleDraft")
    public record RuleBody(
            @NotBlank @Pattern(regexp = "\\*|[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code or *")
            @Schema(example = "KE") String destination,
            @NotBlank @Schema(example = "SURVEILLANCE", description = "an item category, or DUAL_USE for every dual-use item")
            String target,
            @NotNull @Schema(example = "LICENCE_REQUIRED") ExportRule.Measure measure,
            @NotBlank @Size(max = 200) @Schema(example = "Regulation (EU) 2021/821, Annex I 5A001") String reference,
            @NotBlank @Size(max = 2_000) @Schema(example = "Interception equipment needs an export licence") String reason) {
    }

    @Schema(name = "ExportRule")
    public record RuleView(UUID id, String destination, String target, ExportRule.Measure measure, String reference,
                           String reason, OffsetDateTime createdAt) {
        static RuleView of(ExportRule r) {
            return new RuleView(r.id, r.destination, r.target, r.measure, r.reference, r.reason, r.createdAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Add a rule; shipments planned from now on are screened against it")
    public Response add(@NotNull @Valid RuleBody body) {
        boolean category = Arrays.stream(ItemCategory.values()).anyMatch(c -> c.name().equals(body.target()));
        if (!category && !ExportRule.DUAL_USE.equals(body.target())) {
            throw InvalidInput.field("target", "must be an item category " + Arrays.toString(ItemCategory.values())
                    + " or DUAL_USE");
        }
        if (!ExportRule.ANY_DESTINATION.equals(body.destination())
                && !CountryCode.Validator.isValid(body.destination())) {
            throw InvalidInput.field("destination", "must be an ISO 3166-1 alpha-2 code or *");
        }
        ExportRule rule = new ExportRule();
        rule.id = UUID.randomUUID();
        rule.destination = body.destination();
        rule.target = body.target();
        rule.measure = body.measure();
        rule.reference = body.reference().strip();
        rule.reason = body.reason().strip();
        rule.createdAt = OffsetDateTime.now();
        rule.persist();
        return Response.status(Response.Status.CREATED).entity(RuleView.of(rule)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.LOGISTICS, Roles.OPERATIONS, Roles.REVIEWER})
    @Operation(summary = "The rules in force")
    public List<RuleView> list() {
        return ExportRule.<ExportRule>list("order by createdAt").stream().map(RuleView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Lift a rule (shipments already held stay held until cleared)")
    public Response lift(@PathParam("id") UUID id) {
        if (!ExportRule.deleteById(id)) {
            throw DomainRuleViolation.notFound("Export rule " + id);
        }
        return Response.noContent().build();
    }
}
