package org.assistance.programservice.catalogue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.assistance.chassis.catalogue.CatalogueCopy;
import org.assistance.chassis.catalogue.CatalogueCopy.OfferedItem;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The equipment a reviewer may approve, as this service knows it: the same copy that accepts or
 * refuses an approval's lines, so what is listed here is what an approval may name.
 */
@Path("/api/v1/catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "Equipment that may be approved (equipment-service's catalogue, as published)")
@SecurityRequirement(name = "bearer")
@APIResponse(
        responseCode = "401",
        description = "No valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "Role not allowed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CatalogueResource {
    /** The most items the list shows (by item code); equipment-service's catalogue is far smaller. */
    static final int MAX_ITEMS = 5_000;

    private final CatalogueCopy catalogue;

    public CatalogueResource(CatalogueCopy catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "Items an approved equipment line may name now (withdrawn items are left out), by item code")
    @APIResponse(
            responseCode = "200",
            description = "The approvable items, by item code (at most " + MAX_ITEMS + ")",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = OfferedItem.class,
                                            maxItems = MAX_ITEMS)))
    public List<OfferedItem> approvable() {
        return catalogue.offered().stream().limit(MAX_ITEMS).toList();
    }
}
