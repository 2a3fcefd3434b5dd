package org.assistance.equipmentservice.catalogue;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.validation.MoneyInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;

@Path("/api/v1/catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "Equipment partners can ask for; every change is published on assistance.catalogue")
@SecurityRequirement(name = "bearer")
public class CatalogueResource {
    private final Catalogue catalogue;
    private final Caller caller;

    public CatalogueResource(Catalogue catalogue, Caller caller) {
        this.catalogue = catalogue;
        this.caller = caller;
    }

    @Schema(name = "CatalogueItem")
    public record ItemView(String code, String name, ItemCategory category, Money unitCost, boolean dualUse,
                           String exportControlClass,
                           @Schema(description = "true once withdrawn: kept for history, no longer approvable")
                           boolean withdrawn, OffsetDateTime withdrawnAt, String withdrawalReason,
                           String withdrawnBy) {
        static ItemView of(CatalogueItem i) {
            return new ItemView(i.code, i.name, i.category, i.unitPrice(), i.dualUse, i.exportControlClass,
                    i.isWithdrawn(), i.withdrawnAt, i.withdrawalReason, i.withdrawnBy);
        }
    }

    @Schema(name = "NewCatalogueItem")
    public record NewItem(
            @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*", message = "must be upper-case letters, digits and dashes")
            @Schema(example = "FOR-WB-001") String code,
            @NotBlank @Size(max = 200) @Schema(example = "Forensic write blocker kit") String name,
            @NotNull @Schema(example = "FORENSIC_IT") ItemCategory category,
            @NotNull @Valid MoneyInput unitCost,
            boolean dualUse,
            @Size(max = 20) @Schema(example = "5A002") String exportControlClass) {
    }

    @Schema(name = "CatalogueItemChange")
    public record ItemChange(
            @NotBlank @Size(max = 200) @Schema(example = "Forensic write blocker kit") String name,
            @NotNull @Schema(example = "FORENSIC_IT") ItemCategory category,
            @NotNull @Valid MoneyInput unitCost,
            boolean dualUse,
            @Size(max = 20) @Schema(example = "5A002") String exportControlClass) {
    }

    @Schema(name = "ItemWithdrawal")
    public record Withdrawal(@NotBlank @Size(max = 2_000) @Schema(example = "Superseded by FOR-WB-002") String reason) {
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "The catalogue, readable by partners so they ask for real item codes; withdrawn items are flagged")
    public List<ItemView> list(@QueryParam("category") ItemCategory category) {
        List<CatalogueItem> items = category == null ? CatalogueItem.listAll(Sort.by("code"))
                : CatalogueItem.list("category = ?1 order by code", category);
        return items.stream().map(ItemView::of).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "One item, withdrawn or not")
    @APIResponse(responseCode = "404", description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ItemView get(@PathParam("code") String code) {
        CatalogueItem item = CatalogueItem.findById(code);
        if (item == null) {
            throw DomainRuleViolation.notFound("Item " + code);
        }
        return ItemView.of(item);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add an item to the catalogue (publishes assistance.catalogue.item-published.v1)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "409", description = "The code is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@NotNull @Valid NewItem item, @Context UriInfo uri) {
        CatalogueItem added = catalogue.add(item.code(), item.name().strip(), item.category(),
                item.unitCost().toMoney(), item.dualUse(),
                item.exportControlClass());
        return Response.created(uri.getAbsolutePathBuilder().path(added.code).build())
                .entity(ItemView.of(added)).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change an item's description or price (publishes it again); shipments keep what they were planned with")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "409", description = "The item was withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ItemView change(@PathParam("code") String code, @NotNull @Valid ItemChange change) {
        return ItemView.of(catalogue.change(code, change.name().strip(), change.category(),
                change.unitCost().toMoney(), change.dualUse(),
                change.exportControlClass()));
    }

    @POST
    @Path("/{code}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Withdraw an item: kept for history, no longer asked for or approved "
            + "(publishes assistance.catalogue.item-withdrawn.v1)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "409", description = "Already withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ItemView withdraw(@PathParam("code") String code, @NotNull @Valid Withdrawal withdrawal) {
        return ItemView.of(catalogue.withdraw(code, withdrawal.reason().strip(), caller.subject()));
    }
}
