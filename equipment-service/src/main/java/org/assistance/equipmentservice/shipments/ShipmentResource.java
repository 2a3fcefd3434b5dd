package org.assistance.equipmentservice.shipments;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipments", description = "Equipment on its way to the requesting authorities")
@SecurityRequirement(name = "bearer")
public class ShipmentResource {
    private final Caller caller;

    public ShipmentResource(Caller caller) {
        this.caller = caller;
    }

    @Schema(name = "Shipment")
    public record ShipmentView(UUID id, UUID requestId, String agencyId, String destinationCountry, String warehouse,
                               ShipmentStatus status, List<ShipmentLine> lines, Money value,
                               OffsetDateTime plannedAt, OffsetDateTime updatedAt) {
        static ShipmentView of(Shipment s) {
            return new ShipmentView(s.id, s.requestId, s.agencyId, s.destinationCountry, s.warehouse, s.status,
                    s.lines, s.value(), s.plannedAt, s.updatedAt);
        }
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "Shipments, optionally of one request; partners see only their agency's")
    public List<ShipmentView> list(@QueryParam("requestId") UUID requestId) {
        StringBuilder query = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (requestId != null) {
            query.append(" and requestId = :request");
            params.put("request", requestId);
        }
        String agency = caller.agencyScope();
        if (agency != null) {
            query.append(" and agencyId = :agency");
            params.put("agency", agency);
        }
        query.append(" order by plannedAt desc, id");
        return Shipment.<Shipment>list(query.toString(), params).stream().map(ShipmentView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "One shipment")
    public ShipmentView get(@PathParam("id") UUID id) {
        Shipment shipment = Shipment.findById(id);
        String agency = caller.agencyScope();
        if (shipment == null || (agency != null && !agency.equals(shipment.agencyId))) {
            throw DomainRuleViolation.notFound("Shipment " + id);
        }
        return ShipmentView.of(shipment);
    }
}
