package org.assistance.equipmentservice.screening;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.http.Pages;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.texts.Text;
import org.assistance.chassis.validation.PlainText;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/export-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Export controls",
        description = "Export-control and sanctions rules every planned shipment is screened against")
@SecurityRequirement(name = "bearer")
public class ExportRuleResource {
    private final ExportRules rules;
    private final Caller caller;

    public ExportRuleResource(ExportRules rules, Caller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Add a rule, with what it rests on (basis, imposedBy, instrument): shipments planned from now "
                    + "on are screened against it, and planned ones not yet dispatched are screened again (those it "
                    + "hits are held, their hits keeping the rule's basis as it read then)")
    @APIResponse(
            responseCode = "201",
            description = "Added; planned shipments were screened against it",
            content = @Content(schema = @Schema(implementation = ExportRuleView.class)))
    @APIResponse(
            responseCode = "409",
            description = "As many rules for this destination and target are in force as " + "may be ("
                    + ExportRules.MAX_RULES_PER_DESTINATION_AND_TARGET + ")",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@NotNull @Valid ExportRuleDraft body) {
        body.check();
        ExportRule rule = rules.add(
                body.destination(),
                body.target(),
                body.measure(),
                body.reference().strip(),
                body.reason().strip(),
                body.legalBasis(),
                caller.subject());
        return Response.status(Response.Status.CREATED)
                .entity(ExportRuleView.of(rule))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Change a rule, its basis included (its earlier wording and basis are kept in its revisions); "
                    + "planned shipments are screened again")
    @APIResponse(
            responseCode = "200",
            description = "Changed; planned shipments were screened again",
            content = @Content(schema = @Schema(implementation = ExportRuleView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The rule was retired, was changed "
                    + ExportRule.MAX_REVISIONS
                    + " times already, or as many rules for the destination and target are in force "
                    + "as may be",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExportRuleView change(@PathParam("id") UUID id, @NotNull @Valid ExportRuleDraft body) {
        body.check();
        return ExportRuleView.of(rules.change(
                id,
                body.destination(),
                body.target(),
                body.measure(),
                body.reference().strip(),
                body.reason().strip(),
                body.legalBasis(),
                caller.subject()));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.LOGISTICS, Roles.OPERATIONS, Roles.REVIEWER})
    @Operation(
            summary =
                    "The rules in force, oldest first; with includeRetired=true every rule ever made, with its retirement")
    @APIResponse(
            responseCode = "200",
            description = "A page of rules, oldest first",
            headers =
                    @Header(
                            name = "Link",
                            description = Pages.LINK_DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 2_500)),
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = ExportRuleView.class,
                                            maxItems = Pages.MAX)))
    public Response list(
            @QueryParam("includeRetired") @DefaultValue("false") @Parameter(description = "also the retired rules")
                    boolean includeRetired,
            @QueryParam("limit")
                    @DefaultValue(Pages.DEFAULT)
                    @Min(1)
                    @Max(Pages.MAX)
                    @Parameter(description = Pages.LIMIT_DESCRIPTION)
                    int limit,
            @QueryParam("cursor") @Size(max = 200) @Parameter(description = Pages.CURSOR_DESCRIPTION) String cursor,
            @Context UriInfo uri) {
        Object[] after = cursor == null
                ? null
                : Pages.read(
                        cursor, 2, parts -> new Object[] {OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1])});
        List<ExportRule> found = rules.page(
                includeRetired,
                after == null ? null : (OffsetDateTime) after[0],
                after == null ? null : (UUID) after[1],
                limit);
        return Pages.of(found, limit, ExportRuleView::of, r -> new Object[] {r.createdAt, r.id}, uri);
    }

    @POST
    @Path("/{id}/retirement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retire a rule: it holds nothing from now on and stays listed with who, when and why")
    @APIResponse(
            responseCode = "200",
            description = "Retired",
            content = @Content(schema = @Schema(implementation = ExportRuleView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already retired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExportRuleView retire(@PathParam("id") UUID id, @NotNull @Valid ExportRuleRetirement body) {
        return ExportRuleView.of(rules.retire(id, body.reason().strip(), caller.subject()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Lift a rule: retires it (never deleted; shipments already held stay held until cleared)")
    @APIResponse(responseCode = "204", description = "Retired")
    @APIResponse(
            responseCode = "404",
            description = "No such rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already retired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response lift(
            @PathParam("id") UUID id,
            @QueryParam("reason") @Size(max = 2_000) @Parameter(description = "why it is lifted") String reason) {
        if (reason != null && PlainText.forbiddenAt(reason) >= 0) {
            throw InvalidInput.field("reason", Text.of("export-rule.reason-not-plain"));
        }
        rules.retire(id, reason == null || reason.isBlank() ? null : reason.strip(), caller.subject());
        return Response.noContent().build();
    }
}
