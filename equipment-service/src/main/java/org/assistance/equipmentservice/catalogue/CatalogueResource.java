package org.assistance.equipmentservice.catalogue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.validation.MoneyInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "Equipment partners can ask for")
@SecurityRequirement(name = "bearer")
public class CatalogueResource {

    @Schema(name = "CatalogueItem")
    public record ItemView(String code, String name, ItemCategory category, Money unitCost, boolean dualUse,
                           String exportControlClass) {
        static ItemView of(CatalogueItem i) {
            return new ItemView(i.code, i.name, i.category, i.unitPrice(), i.dualUse, i.exportControlClass);
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

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "The catalogue, readable by partners so they ask for real item codes")
    public List<ItemView> list(@QueryParam("category") ItemCategory category) {
        List<CatalogueItem> items = category == null ? CatalogueItem.listAll(io.quarkus.panache.common.Sort.by("code"))
                : CatalogueItem.list("category = ?1 order by code", category);
        return items.stream().map(ItemView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Add an item to the catalogue")
    public Response add(@NotNull @Valid NewItem item, @Context UriInfo uri) {
        if (CatalogueItem.findById(item.code()) != null) {
            throw DomainRuleViolation.conflict("Item " + item.code() + " is already in the catalogue");
        }
        CatalogueItem entity = new CatalogueItem();
        entity.code = item.code();
        entity.name = item.name().strip();
        entity.category = item.category();
        entity.unitCost = item.unitCost().amount();
        entity.currency = item.unitCost().currency();
        entity.dualUse = item.dualUse();
        entity.exportControlClass = item.exportControlClass();
        entity.persist();
        return Response.created(uri.getAbsolutePathBuilder().path(entity.code).build())
                .entity(ItemView.of(entity)).build();
    }
}
