package org.assistance.equipmentservice.catalogue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.validation.MoneyInput;
import org.assistance.equipmentservice.AmountView;
import org.assistance.equipmentservice.Pages;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** What an item code is made of (so a code with anything else is refused before it is looked up). */
    public static final String CODE = "[A-Z0-9][A-Z0-9-]*";
    public static final String CODE_MESSAGE = "must be upper-case letters, digits and dashes";

    @Schema(name = "CatalogueItem")
    public record ItemView(@Schema(maxLength = 50, example = "FOR-WB-001") String code,
                           @Schema(maxLength = 200, example = "Forensic write blocker kit") String name,
                           ItemCategory category, AmountView unitCost, boolean dualUse,
                           @Schema(maxLength = 20, example = "5A002") String exportControlClass,
                           @Schema(description = "true once withdrawn: kept for history, no longer approvable")
                           boolean withdrawn, OffsetDateTime withdrawnAt,
                           @Schema(maxLength = 2_000) String withdrawalReason,
                           @Schema(maxLength = 200, description = "the admin who withdrew it") String withdrawnBy) {
        static ItemView of(CatalogueItem i) {
            return new ItemView(i.code, i.name, i.category, AmountView.of(i.unitPrice()), i.dualUse, i.exportControlClass,
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
    @Operation(summary = "The catalogue by item code, readable by partners so they ask for real item codes; "
            + "withdrawn items are flagged")
    @APIResponse(responseCode = "200", description = "A page of items, by code",
            headers = @Header(name = "Link", description = Pages.LINK_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, maxLength = 2_500)),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ItemView.class,
                    maxItems = Pages.MAX)))
    public Response list(@QueryParam("category") ItemCategory category,
                         @QueryParam("limit") @DefaultValue(Pages.DEFAULT) @Min(1) @Max(Pages.MAX)
                         @Parameter(description = Pages.LIMIT_DESCRIPTION) int limit,
                         @QueryParam("cursor") @Size(max = 200) @Parameter(description = Pages.CURSOR_DESCRIPTION)
                         String cursor,
                         @Context UriInfo uri) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (category != null) {
            query.append(" and category = :category");
            params.put("category", category);
        }
        if (cursor != null) {
            query.append(" and code > :after");
            params.put("after", Pages.read(cursor, 1, parts -> parts[0]));
        }
        List<CatalogueItem> items = CatalogueItem.<CatalogueItem>find(query.append(" order by code").toString(), params)
                .range(0, limit).list();
        return Pages.of(items, limit, ItemView::of, i -> new Object[] {i.code}, uri);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "One item, withdrawn or not")
    @APIResponse(responseCode = "200", description = "The item")
    @APIResponse(responseCode = "404", description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ItemView get(@PathParam("code") @Size(max = 50) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code) {
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
    @APIResponse(responseCode = "201", description = "Added and published; Location names the item",
            headers = @Header(name = "Location", description = "the new item's URL", schema = @Schema(type = SchemaType.STRING, maxLength = 2_048)),
            content = @Content(schema = @Schema(implementation = ItemView.class)))
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
    @APIResponse(responseCode = "200", description = "Changed and published again",
            content = @Content(schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "404", description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The item was withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ItemView change(@PathParam("code") @Size(max = 50) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code, @NotNull @Valid ItemChange change) {
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
    @APIResponse(responseCode = "200", description = "Withdrawn and published",
            content = @Content(schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "404", description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ItemView withdraw(@PathParam("code") @Size(max = 50) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code, @NotNull @Valid Withdrawal withdrawal) {
        return ItemView.of(catalogue.withdraw(code, withdrawal.reason().strip(), caller.subject()));
    }
}
