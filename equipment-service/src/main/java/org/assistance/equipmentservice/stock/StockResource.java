package org.assistance.equipmentservice.stock;

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
import org.assistance.chassis.security.Roles;
import org.assistance.equipmentservice.catalogue.CatalogueItem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stock", description = "Warehouses and what they hold")
@SecurityRequirement(name = "bearer")
public class StockResource {
    private final Stock stock;

    public StockResource(Stock stock) {
        this.stock = stock;
    }

    @POST
    @Path("/warehouses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a warehouse")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = WarehouseDetails.class)))
    @APIResponse(
            responseCode = "409",
            description = "The code is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addWarehouse(@NotNull @Valid WarehouseDetails body) {
        stock.registerWarehouse(body.code(), body.name().strip(), body.country());
        return Response.status(Response.Status.CREATED).entity(body).build();
    }

    @POST
    @Path("/warehouses/{code}/stock")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.LOGISTICS})
    @Operation(
            summary = "Goods received into a warehouse; open backorders of the item take them first (most urgent "
                    + "request, then oldest), each part as a new shipment")
    @APIResponse(
            responseCode = "200",
            description = "The warehouse's stock of the item, after the receipt and the " + "backorders it fulfilled")
    @APIResponse(
            responseCode = "404",
            description = "No such warehouse",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The item is not in the catalogue, or the warehouse would hold "
                    + "more of it than it can count (1,000,000,000 units)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StockLevelView receive(
            @PathParam("code")
                    @Size(max = 20)
                    @Pattern(regexp = CatalogueItem.CODE, message = CatalogueItem.CODE_MESSAGE)
                    @Schema(maxLength = 20, example = "VIE-1")
                    String warehouse,
            @NotNull @Valid StockReceipt body) {
        return StockLevelView.of(stock.receive(warehouse, body.itemCode(), body.quantity()));
    }

    @GET
    @Path("/stock")
    @RolesAllowed({Roles.ADMIN, Roles.LOGISTICS, Roles.OPERATIONS})
    @Operation(summary = "Stock levels per warehouse and item")
    @APIResponse(
            responseCode = "200",
            description = "A page of stock levels, by warehouse and item",
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
                                            implementation = StockLevelView.class,
                                            maxItems = Pages.MAX)))
    public Response levels(
            @QueryParam("limit")
                    @DefaultValue(Pages.DEFAULT)
                    @Min(1)
                    @Max(Pages.MAX)
                    @Parameter(description = Pages.LIMIT_DESCRIPTION)
                    int limit,
            @QueryParam("cursor") @Size(max = 200) @Parameter(description = Pages.CURSOR_DESCRIPTION) String cursor,
            @Context UriInfo uri) {
        String[] after = cursor == null ? null : Pages.read(cursor, 2, parts -> parts);
        List<StockLevel> found = stock.levels(after == null ? null : after[0], after == null ? null : after[1], limit);
        return Pages.of(found, limit, StockLevelView::of, l -> new Object[] {l.key.warehouse(), l.key.itemCode()}, uri);
    }
}
