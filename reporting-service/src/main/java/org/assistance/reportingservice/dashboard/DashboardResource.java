package org.assistance.reportingservice.dashboard;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.assistance.chassis.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.LocalDate;

@Path("/api/v1/dashboard")
@Tag(name = "Dashboard", description = "Delivery KPIs for operations staff, and their live stream")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.OPERATIONS, Roles.ADMIN, Roles.REVIEWER, Roles.LOGISTICS})
public class DashboardResource {
    private final Dashboard dashboard;
    private final DashboardStream stream;

    public DashboardResource(Dashboard dashboard, DashboardStream stream) {
        this.dashboard = dashboard;
        this.stream = stream;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "KPIs of the requests submitted in a period, narrowed by country, thematic area, programme or donor")
    public Dashboard.Kpis kpis(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                               @QueryParam("country") String country, @QueryParam("thematicArea") String thematicArea,
                               @QueryParam("programme") String programme, @QueryParam("donor") String donor) {
        return dashboard.kpis(new DashboardFilter(from, to, blankToNull(country), blankToNull(thematicArea),
                blankToNull(programme), blankToNull(donor)));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-sent events: every event as the read models take it in (and a heartbeat every 15 s)")
    public Multi<LiveEvent> stream() {
        return stream.events();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
