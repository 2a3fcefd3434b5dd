package org.assistance.equipmentservice.assets;

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
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.http.Pages;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.validation.CountryCode;
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

/**
 * The asset register: every unit dispatched with a serial number, where it is, and the checks of
 * its end use. Staff record checks; whoever may read a unit's shipment reads the unit (a partner
 * its agency's, a focal point those to its State). Donors are refused: this service does not know
 * who funded what, and reporting-service answers them. The class path is the one of the service's
 * other resources (JAX-RS picks one root class per request).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Assets",
        description = "Units of equipment by serial number, from dispatch to their end user, and the checks of "
                + "their end use")
@SecurityRequirement(name = "bearer")
public class AssetResource {
    /** A serial number in a path: it may hold slashes. */
    private static final String SERIAL_IN_PATH = "{serial: [A-Za-z0-9][A-Za-z0-9./_-]*}";

    private final AssetRegister register;
    private final Caller caller;

    public AssetResource(AssetRegister register, Caller caller) {
        this.register = register;
        this.caller = caller;
    }

    @GET
    @Path("/assets")
    @RolesAllowed({Roles.PARTNER, Roles.FOCAL_POINT, Roles.LOGISTICS, Roles.OPERATIONS, Roles.REVIEWER, Roles.ADMIN})
    @Operation(
            summary = "Units of the asset register, newest dispatch first, by request, State, item, status, "
                    + "monitoring or overdue check; partners see only their agency's, a focal point only those to "
                    + "its State")
    @APIResponse(
            responseCode = "200",
            description = "A page of units, newest dispatch first",
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
                                            implementation = AssetView.class,
                                            maxItems = Pages.MAX)))
    public Response list(
            @QueryParam("requestId") UUID requestId,
            @QueryParam("country") @CountryCode @Size(max = 2) @Parameter(description = "the State it went to, e.g. KE")
                    String country,
            @QueryParam("itemCode")
                    @Size(max = 50)
                    @Pattern(regexp = CatalogueItem.CODE, message = CatalogueItem.CODE_MESSAGE)
                    String itemCode,
            @QueryParam("status") AssetStatus status,
            @QueryParam("monitored") Boolean monitored,
            @QueryParam("overdue") @Parameter(description = "true: a due check before today is not met")
                    Boolean overdue,
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
                : Pages.read(cursor, 2, parts -> new Object[] {OffsetDateTime.parse(parts[0]), parts[1]});
        List<Asset> found = register.page(
                new AssetFilter(requestId, country, itemCode, status, monitored, overdue),
                caller.scope(),
                after == null ? null : (OffsetDateTime) after[0],
                after == null ? null : (String) after[1],
                limit);
        List<Asset> page = found.size() > limit ? found.subList(0, limit) : found;
        Map<String, EndUseCheck> last = register.lastChecks(page);
        LocalDate today = register.today();
        return Pages.of(
                found,
                limit,
                a -> AssetView.of(a, last.get(a.serialNumber), null, today),
                a -> new Object[] {a.dispatchedAt, a.serialNumber},
                uri);
    }

    @GET
    @Path("/assets/" + SERIAL_IN_PATH)
    @RolesAllowed({Roles.PARTNER, Roles.FOCAL_POINT, Roles.LOGISTICS, Roles.OPERATIONS, Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "One unit by its serial number, with its check schedule and every check of it")
    @APIResponse(
            responseCode = "200",
            description = "The unit",
            content = @Content(schema = @Schema(implementation = AssetView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such unit (or not the caller's to read)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AssetView get(@PathParam("serial") @Size(max = Asset.MAX_SERIAL) String serial) {
        Asset asset = register.get(serial, caller.scope());
        List<EndUseCheck> checks = register.checks(serial, caller.scope());
        return AssetView.of(asset, checks.isEmpty() ? null : checks.getLast(), checks, register.today());
    }

    @POST
    @Path("/assets/" + SERIAL_IN_PATH + "/checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(
            summary = "Record a check of a delivered unit's end use (publishes "
                    + "assistance.shipment.end-use-check-recorded.v1); the k-th check meets the k-th due date")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; Location is the check",
            content = @Content(schema = @Schema(implementation = EndUseCheckView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The unit is not delivered yet (asset-not-delivered), was rejected at receipt "
                    + "(asset-rejected), or has as many checks as a unit records (" + Asset.MAX_CHECKS + ")",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The check date is in the future or before the unit's delivery",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(
            @PathParam("serial") @Size(max = Asset.MAX_SERIAL) String serial,
            @NotNull @Valid EndUseCheckDraft body,
            @Context UriInfo uri) {
        EndUseCheck check = register.check(
                serial,
                body.result(),
                body.checkedAt(),
                body.by().strip(),
                body.note() == null || body.note().isBlank()
                        ? null
                        : body.note().strip(),
                caller.subject());
        return Response.created(location(uri, check))
                .entity(EndUseCheckView.of(check))
                .build();
    }

    @GET
    @Path("/assets/" + SERIAL_IN_PATH + "/checks")
    @RolesAllowed({Roles.PARTNER, Roles.FOCAL_POINT, Roles.LOGISTICS, Roles.OPERATIONS, Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "The unit's end-use checks, first first")
    @APIResponse(
            responseCode = "200",
            description = "The checks",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            maxItems = Asset.MAX_CHECKS,
                                            implementation = EndUseCheckView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such unit (or not the caller's to read)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<EndUseCheckView> checks(@PathParam("serial") @Size(max = Asset.MAX_SERIAL) String serial) {
        return register.checks(serial, caller.scope()).stream()
                .map(EndUseCheckView::of)
                .toList();
    }

    @GET
    @Path("/assets/" + SERIAL_IN_PATH + "/checks/{checkId}")
    @RolesAllowed({Roles.PARTNER, Roles.FOCAL_POINT, Roles.LOGISTICS, Roles.OPERATIONS, Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "One end-use check of the unit")
    @APIResponse(
            responseCode = "200",
            description = "The check",
            content = @Content(schema = @Schema(implementation = EndUseCheckView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such unit (or not the caller's to read), or no such check of it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EndUseCheckView check(
            @PathParam("serial") @Size(max = Asset.MAX_SERIAL) String serial, @PathParam("checkId") UUID checkId) {
        return EndUseCheckView.of(register.check(serial, checkId, caller.scope()));
    }

    private static URI location(UriInfo uri, EndUseCheck check) {
        return uri.getBaseUriBuilder()
                .path("api/v1/assets/{serial}/checks/{checkId}")
                .build(check.serialNumber, check.id);
    }
}
