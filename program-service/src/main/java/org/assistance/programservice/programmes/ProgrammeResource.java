package org.assistance.programservice.programmes;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.validation.CountryCode;
import org.assistance.chassis.validation.CurrencyCode;
import org.assistance.chassis.validation.MoneyInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes", description = "Donors, programmes and their funds")
@SecurityRequirement(name = "bearer")
public class ProgrammeResource {
    private final Programmes programmes;
    private final Caller caller;

    public ProgrammeResource(Programmes programmes, Caller caller) {
        this.programmes = programmes;
        this.caller = caller;
    }

    @Schema(name = "Donor")
    public record DonorBody(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes")
            @Schema(example = "donor-eu") String id,
            @NotBlank @Size(max = 200) @Schema(example = "European Union") String name,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+(-[A-Za-z0-9._]+)*", message = "must be an IATI organisation identifier such as XI-IATI-EC_INTPA")
            @Schema(example = "XI-IATI-EC_INTPA") String iatiIdentifier,
            @NotNull @Schema(example = "MULTILATERAL") DonorType type) {
    }

    @Schema(name = "NewProgramme")
    public record ProgrammeBody(
            @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Z][A-Z0-9]*", message = "must be upper-case letters and digits")
            @Schema(example = "GLOCY") String code,
            @NotBlank @Size(max = 200) @Schema(example = "Global Programme on Cybercrime") String name,
            @NotEmpty @Schema(example = "[\"CYBERCRIME\", \"MONEY_LAUNDERING\"]") Set<@NotBlank String> thematicAreas,
            @NotNull @CurrencyCode @Schema(example = "USD") String currency,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must not contain / & | ? or spaces")
            @Schema(example = "XM-DAC-41146-GLOCY") String iatiActivityPrefix) {
    }

    @Schema(name = "Programme", description = "A programme's funds; `donors` (one programme only) gives each donor's "
            + "part, and the parts add up to the programme's received, committed and disbursed")
    public record ProgrammeView(String code, String name, Set<String> thematicAreas, String currency,
                                String iatiActivityPrefix, Money pledged, Money received, Money committed,
                                Money disbursed, Money available,
                                @JsonInclude(JsonInclude.Include.NON_NULL) List<DonorFundsView> donors) {
        static ProgrammeView of(Programme p) {
            return of(p, null);
        }

        static ProgrammeView of(Programme p, List<Programmes.DonorFigures> donors) {
            return new ProgrammeView(p.code, p.name, new TreeSet<>(p.thematicAreas), p.currency, p.iatiActivityPrefix,
                    p.money(p.pledged), p.money(p.received), p.money(p.committed), p.money(p.disbursed),
                    p.money(p.available()), donors == null ? null : donors.stream()
                            .map(d -> new DonorFundsView(d.donorId(), d.name(), p.money(d.received()),
                                    p.money(d.committed()), p.money(d.disbursed()))).toList());
        }
    }

    @Schema(name = "DonorFunds", description = "One donor's money in a programme: contributions received, and its "
            + "parts of the commitments and of what was disbursed (each amount credited to one donor only)")
    public record DonorFundsView(String donorId, String name, Money received, Money committed, Money disbursed) {
    }

    /** What a partner may read of a programme: its name. */
    @Schema(name = "ProgrammeName")
    public record ProgrammeName(String code, String name) {
    }

    @Schema(name = "Funding")
    public record FundingBody(
            @NotBlank @Schema(example = "donor-eu") String donorId,
            @NotNull @Valid MoneyInput amount,
            @DecimalMin(value = "0", inclusive = false) @Schema(description = "Programme currency per unit of the amount's currency, required when they differ", example = "1.0832")
            BigDecimal exchangeRate,
            @NotNull @PastOrPresent @Schema(example = "2026-10-01") LocalDate date,
            @Valid @Schema(description = "Contributions only: the countries and/or thematic areas this money is for; "
                    + "a request draws on it when every list named contains the request's value") EarmarkBody earmark) {
    }

    @Schema(name = "Earmark")
    public record EarmarkBody(
            @Size(max = 50) @Schema(example = "[\"KE\"]") List<@NotNull @CountryCode String> countries,
            @Size(max = 20) @Schema(example = "[\"CYBERCRIME\"]") List<@NotBlank @Size(max = 40) String> thematicAreas) {
    }

    @POST
    @Path("/donors")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a donor")
    public Response addDonor(@NotNull @Valid DonorBody body, @Context UriInfo uri) {
        Donor donor = new Donor();
        donor.id = body.id();
        donor.name = body.name().strip();
        donor.iatiIdentifier = body.iatiIdentifier();
        donor.type = body.type();
        programmes.addDonor(donor);
        return Response.created(uri.getAbsolutePathBuilder().path(donor.id).build()).entity(body).build();
    }

    @GET
    @Path("/donors")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.OPERATIONS})
    @Operation(summary = "Donors")
    public List<DonorBody> donors() {
        return Donor.<Donor>listAll(io.quarkus.panache.common.Sort.by("id")).stream()
                .map(d -> new DonorBody(d.id, d.name, d.iatiIdentifier, d.type)).toList();
    }

    @POST
    @Path("/programmes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a programme")
    public Response addProgramme(@NotNull @Valid ProgrammeBody body, @Context UriInfo uri) {
        Programme programme = new Programme();
        programme.code = body.code();
        programme.name = body.name().strip();
        programme.thematicAreas = new TreeSet<>(body.thematicAreas());
        programme.currency = body.currency();
        programme.iatiActivityPrefix = body.iatiActivityPrefix();
        programmes.addProgramme(programme);
        return Response.created(uri.getAbsolutePathBuilder().path(programme.code).build())
                .entity(ProgrammeView.of(programme)).build();
    }

    @GET
    @Path("/programmes")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.OPERATIONS, Roles.LOGISTICS, Roles.DONOR, Roles.PARTNER})
    @Operation(summary = "Programmes with their funds; partners get names only, donors only the programmes they fund")
    public List<?> programmes() {
        List<Programme> all = Programme.listAll(io.quarkus.panache.common.Sort.by("code"));
        if (caller.is(Roles.PARTNER) && !caller.isStaff()) {
            return all.stream().map(p -> new ProgrammeName(p.code, p.name)).toList();
        }
        String donor = caller.donorScope();
        if (donor != null) {
            List<String> funded = programmes.fundedBy(donor);
            return all.stream().filter(p -> funded.contains(p.code)).map(ProgrammeView::of).toList();
        }
        return all.stream().map(ProgrammeView::of).toList();
    }

    @GET
    @Path("/programmes/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.OPERATIONS, Roles.LOGISTICS, Roles.DONOR})
    @Operation(summary = "One programme and its funds, with each donor's part of them")
    public ProgrammeView programme(@PathParam("code") String code) {
        Programme programme = Programme.findById(code);
        String donor = caller.donorScope();
        if (programme == null || (donor != null && !programmes.fundedBy(donor).contains(code))) {
            throw DomainRuleViolation.notFound("Programme " + code);
        }
        return ProgrammeView.of(programme, programmes.donorFiguresOf(code));
    }

    @POST
    @Path("/programmes/{code}/pledges")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Record a donor's pledge to a programme")
    public Response pledge(@PathParam("code") String code, @NotNull @Valid FundingBody body) {
        return funded(code, Funding.Kind.PLEDGE, body);
    }

    @POST
    @Path("/programmes/{code}/contributions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Record money a donor contributed to a programme (it becomes available for approvals)")
    public Response contribute(@PathParam("code") String code, @NotNull @Valid FundingBody body) {
        return funded(code, Funding.Kind.CONTRIBUTION, body);
    }

    private Response funded(String code, Funding.Kind kind, FundingBody body) {
        Programmes.Earmark earmark = body.earmark() == null ? null
                : new Programmes.Earmark(body.earmark().countries(), body.earmark().thematicAreas());
        Programme funded = programmes.fund(code, kind, body.donorId(), body.amount(), body.exchangeRate(), body.date(),
                earmark);
        return Response.status(Response.Status.CREATED).entity(ProgrammeView.of(funded)).build();
    }
}
