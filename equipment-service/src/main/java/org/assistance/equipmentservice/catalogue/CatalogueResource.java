package org.assistance.equipmentservice.catalogue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.util.List;
import org.assistance.chassis.http.Pages;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Catalogue",
        description = "Equipment partners can ask for; every change is published on assistance.catalogue")
@SecurityRequirement(name = "bearer")
public class CatalogueResource {
    private final Catalogue catalogue;
    private final Caller caller;

    public CatalogueResource(Catalogue catalogue, Caller caller) {
        this.catalogue = catalogue;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(
            summary = "The catalogue by item code, readable by partners so they ask for real item codes; "
                    + "withdrawn items are flagged")
    @APIResponse(
            responseCode = "200",
            description = "A page of items, by code",
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
                                            implementation = CatalogueItemView.class,
                                            maxItems = Pages.MAX)))
    public Response list(
            @QueryParam("category") ItemCategory category,
            @QueryParam("limit")
                    @DefaultValue(Pages.DEFAULT)
                    @Min(1)
                    @Max(Pages.MAX)
                    @Parameter(description = Pages.LIMIT_DESCRIPTION)
                    int limit,
            @QueryParam("cursor") @Size(max = 200) @Parameter(description = Pages.CURSOR_DESCRIPTION) String cursor,
            @Context UriInfo uri) {
        List<CatalogueItem> items =
                catalogue.page(category, cursor == null ? null : Pages.read(cursor, 1, parts -> parts[0]), limit);
        return Pages.of(items, limit, CatalogueItemView::of, i -> new Object[] {i.code}, uri);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "One item, withdrawn or not")
    @APIResponse(responseCode = "200", description = "The item")
    @APIResponse(
            responseCode = "404",
            description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CatalogueItemView get(
            @PathParam("code")
                    @Size(max = 50)
                    @Pattern(regexp = CatalogueItem.CODE, message = CatalogueItem.CODE_MESSAGE)
                    String code) {
        return CatalogueItemView.of(catalogue.get(code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add an item to the catalogue (publishes assistance.catalogue.item-published.v1)")
    @APIResponse(
            responseCode = "201",
            description = "Added and published; Location names the item",
            headers =
                    @Header(
                            name = "Location",
                            description = "the new item's URL",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 2_048)),
            content = @Content(schema = @Schema(implementation = CatalogueItemView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The code is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@NotNull @Valid NewCatalogueItem item, @Context UriInfo uri) {
        CatalogueItem added = catalogue.add(
                item.code(),
                item.name().strip(),
                item.category(),
                item.unitCost().toMoney(),
                item.dualUse(),
                item.exportControlClass());
        return Response.created(uri.getAbsolutePathBuilder().path(added.code).build())
                .entity(CatalogueItemView.of(added))
                .build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary =
                    "Change an item's description or price (publishes it again); shipments keep what they were planned with")
    @APIResponse(
            responseCode = "200",
            description = "Changed and published again",
            content = @Content(schema = @Schema(implementation = CatalogueItemView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The item was withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CatalogueItemView change(
            @PathParam("code")
                    @Size(max = 50)
                    @Pattern(regexp = CatalogueItem.CODE, message = CatalogueItem.CODE_MESSAGE)
                    String code,
            @NotNull @Valid CatalogueItemChange change) {
        return CatalogueItemView.of(catalogue.change(
                code,
                change.name().strip(),
                change.category(),
                change.unitCost().toMoney(),
                change.dualUse(),
                change.exportControlClass()));
    }

    @POST
    @Path("/{code}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Withdraw an item: kept for history, no longer asked for or approved "
                    + "(publishes assistance.catalogue.item-withdrawn.v1)")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn and published",
            content = @Content(schema = @Schema(implementation = CatalogueItemView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CatalogueItemView withdraw(
            @PathParam("code")
                    @Size(max = 50)
                    @Pattern(regexp = CatalogueItem.CODE, message = CatalogueItem.CODE_MESSAGE)
                    String code,
            @NotNull @Valid ItemWithdrawal withdrawal) {
        return CatalogueItemView.of(catalogue.withdraw(code, withdrawal.reason().strip(), caller.subject()));
    }
}
