package org.assistance.equipmentservice.stock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.validation.CountryCode;
import org.assistance.equipmentservice.Pages;
import org.assistance.equipmentservice.UniqueRows;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.assistance.equipmentservice.catalogue.CatalogueItem;
import org.assistance.equipmentservice.catalogue.CatalogueResource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stock", description = "Warehouses and what they hold")
@SecurityRequirement(name = "bearer")
public class StockResource {
    private final Stock stock;

    public StockResource(Stock stock) {
        this.stock = stock;
    }

    @Schema(name = "Warehouse")
    public record WarehouseBody(
            @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*", message = "must be upper-case letters, digits and dashes")
            @Schema(example = "VIE-1") String code,
            @NotBlank @Size(max = 200) @Schema(example = "Vienna central warehouse") String name,
            @NotNull @CountryCode @Size(min = 2, max = 2) @Schema(example = "AT") String country) {
    }

    @Schema(name = "StockReceipt")
    public record StockBody(@NotBlank @Size(max = 50)
                            @Pattern(regexp = CatalogueResource.CODE, message = CatalogueResource.CODE_MESSAGE)
                            @Schema(example = "FOR-WB-001") String itemCode,
                            @Min(1) @Max(1_000_000) @Schema(example = "25", format = "int32") int quantity) {
    }

    @Schema(name = "StockLevel")
    public record LevelView(@Schema(maxLength = 20, example = "VIE-1") String warehouse,
                            @Schema(maxLength = 50, example = "FOR-WB-001") String itemCode,
                            @Schema(minimum = "0", maximum = "1000000000", format = "int32") int onHand,
                            @Schema(minimum = "0", maximum = "1000000000", format = "int32",
                                    description = "reserved for planned shipments") int reserved,
                            @Schema(minimum = "0", maximum = "1000000000", format = "int32",
                                    description = "on hand and not reserved") int free) {
        static LevelView of(StockLevel l) {
            return new LevelView(l.key.warehouse(), l.key.itemCode(), l.onHand, l.reserved, l.free());
        }
    }

    @POST
    @Path("/warehouses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Register a warehouse")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = WarehouseBody.class)))
    @APIResponse(responseCode = "409", description = "The code is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addWarehouse(@NotNull @Valid WarehouseBody body) {
        if (Warehouse.findById(body.code()) != null) {
            throw DomainRuleViolation.conflict("Warehouse " + body.code() + " already exists");
        }
        Warehouse warehouse = new Warehouse();
        warehouse.code = body.code();
        warehouse.name = body.name().strip();
        warehouse.country = body.country();
        UniqueRows.insert(warehouse, "Warehouse " + body.code() + " already exists");
        return Response.status(Response.Status.CREATED).entity(body).build();
    }

    @POST
    @Path("/warehouses/{code}/stock")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.LOGISTICS})
    @Operation(summary = "Goods received into a warehouse; open backorders of the item take them first (most urgent "
            + "request, then oldest), each part as a new shipment")
    @APIResponse(responseCode = "200", description = "The warehouse's stock of the item, after the receipt and the "
            + "backorders it fulfilled")
    @APIResponse(responseCode = "404", description = "No such warehouse",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The item is not in the catalogue, or the warehouse would hold "
            + "more of it than it can count (1,000,000,000 units)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LevelView receive(@PathParam("code") @Size(max = 20)
                             @Pattern(regexp = CatalogueResource.CODE, message = CatalogueResource.CODE_MESSAGE)
                             @Schema(maxLength = 20, example = "VIE-1") String warehouse,
                             @NotNull @Valid StockBody body) {
        if (CatalogueItem.findById(body.itemCode()) == null) {
            throw DomainRuleViolation.unprocessable("Item " + body.itemCode() + " is not in the catalogue");
        }
        return LevelView.of(stock.receive(warehouse, body.itemCode(), body.quantity()));
    }

    @GET
    @Path("/stock")
    @RolesAllowed({Roles.ADMIN, Roles.LOGISTICS, Roles.OPERATIONS})
    @Operation(summary = "Stock levels per warehouse and item")
    @APIResponse(responseCode = "200", description = "A page of stock levels, by warehouse and item",
            headers = @Header(name = "Link", description = Pages.LINK_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, maxLength = 2_500)),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = LevelView.class,
                    maxItems = Pages.MAX)))
    public Response levels(@QueryParam("limit") @DefaultValue(Pages.DEFAULT) @Min(1) @Max(Pages.MAX)
                           @Parameter(description = Pages.LIMIT_DESCRIPTION) int limit,
                           @QueryParam("cursor") @Size(max = 200) @Parameter(description = Pages.CURSOR_DESCRIPTION)
                           String cursor,
                           @Context UriInfo uri) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (cursor != null) {
            String[] after = Pages.read(cursor, 2, parts -> parts);
            query.append(" and (key.warehouse > :warehouse or (key.warehouse = :warehouse and key.itemCode > :item))");
            params.put("warehouse", after[0]);
            params.put("item", after[1]);
        }
        List<StockLevel> found = StockLevel.<StockLevel>find(
                query.append(" order by key.warehouse, key.itemCode").toString(), params).range(0, limit).list();
        return Pages.of(found, limit, LevelView::of, l -> new Object[] {l.key.warehouse(), l.key.itemCode()}, uri);
    }
}
