package org.assistance.programservice.programmes;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.problems.Problem.FieldError;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.validation.CountryCode;
import org.assistance.chassis.validation.CurrencyCode;
import org.assistance.chassis.validation.MoneyInput;
import org.assistance.programservice.Dates;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
            @NotBlank @Size(max = 100) @Pattern(regexp = DONOR_ID, message = DONOR_ID_MESSAGE) @Schema(example = "donor-eu")
            String id,
            @NotBlank @Size(max = 200) @Schema(example = "European Union") String name,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+(-[A-Za-z0-9._]+)*", message = "must be an IATI organisation identifier such as XI-IATI-EC_INTPA")
            @Schema(example = "XI-IATI-EC_INTPA") String iatiIdentifier,
            @NotNull @Schema(example = "MULTILATERAL") DonorType type) {
    }

    @Schema(name = "NewProgramme")
    public record ProgrammeBody(
            @NotBlank @Size(max = 20) @Pattern(regexp = CODE, message = CODE_MESSAGE) @Schema(example = "GLOCY") String code,
            @NotBlank @Size(max = 200) @Schema(example = "Global Programme on Cybercrime") String name,
            @NotEmpty @Size(max = MAX_THEMATIC_AREAS) @Schema(example = "[\"CYBERCRIME\", \"MONEY_LAUNDERING\"]")
            Set<@NotBlank @Size(max = 40) String> thematicAreas,
            @NotNull @CurrencyCode @Size(min = 3, max = 3) @Schema(example = "USD") String currency,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must not contain / & | ? or spaces")
            @Schema(example = "XM-DAC-41146-GLOCY") String iatiActivityPrefix) {
    }

    @Schema(name = "Programme", description = "A programme's funds; `donors` (one programme only) gives each donor's "
            + "part, and the parts add up to the programme's received, committed and disbursed")
    public record ProgrammeView(@Schema(maxLength = 20) String code, @Schema(maxLength = 200) String name,
                                @Schema(maxItems = MAX_THEMATIC_AREAS) Set<@Size(max = 40) String> thematicAreas,
                                @Schema(minLength = 3, maxLength = 3) String currency,
                                @Schema(maxLength = 100) String iatiActivityPrefix, Money pledged, Money received,
                                Money committed, Money disbursed, Money available,
                                @Schema(maxItems = Donor.MAX_DONORS) @JsonInclude(JsonInclude.Include.NON_NULL)
                                List<DonorFundsView> donors) {
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
    public record DonorFundsView(@Schema(maxLength = 100) String donorId, @Schema(maxLength = 200) String name,
                                 Money received, Money committed, Money disbursed) {
    }

    /** What a partner may read of a programme: its name. */
    @Schema(name = "ProgrammeName")
    public record ProgrammeName(@Schema(maxLength = 20) String code, @Schema(maxLength = 200) String name) {
    }

    /** An entry of the programme list: what the caller may read of one programme. */
    @Schema(name = "ProgrammeListEntry", anyOf = {ProgrammeView.class, ProgrammeName.class},
            description = "Staff and donors read a programme with its funds; partners its name only")
    public interface ProgrammeListEntry {
    }

    /** What a programme code is made of (also in a path: anything else names no programme). */
    public static final String CODE = "[A-Z][A-Z0-9]*";
    public static final String CODE_MESSAGE = "must be upper-case letters and digits";
    static final String DONOR_ID = "[a-z0-9][a-z0-9-]*";
    static final String DONOR_ID_MESSAGE = "must be lower-case letters, digits and dashes";

    /** A programme serves at most this many thematic areas. */
    static final int MAX_THEMATIC_AREAS = 20;

    @Schema(name = "Funding")
    public record FundingBody(
            @NotBlank @Size(max = 100) @Pattern(regexp = DONOR_ID, message = DONOR_ID_MESSAGE) @Schema(example = "donor-eu")
            String donorId,
            @NotNull @Valid MoneyInput amount,
            // bounded like the column (numeric(19, 8)) and below any real rate: an unbounded one made
            // the conversion run for minutes while the programme's row was locked
            @DecimalMin(value = "0", inclusive = false) @DecimalMax(MAX_EXCHANGE_RATE) @Digits(integer = 8, fraction = 8)
            @Schema(description = "Programme currency per unit of the amount's currency, required when they differ; "
                    + "at most 10,000,000, with up to 8 decimals", example = "1.0832")
            BigDecimal exchangeRate,
            @NotNull @PastOrPresent @Schema(example = "2026-10-01", description = "The value date, from 2000-01-01 to today")
            LocalDate date,
            @Valid @Schema(description = "Contributions only: the countries and/or thematic areas this money is for; "
                    + "a request draws on it when every list named contains the request's value") EarmarkBody earmark) {
    }

    /** The largest exchange rate accepted (programme currency units per unit of the amount's currency). */
    static final String MAX_EXCHANGE_RATE = "10000000";

    @Schema(name = "Earmark")
    public record EarmarkBody(
            @Size(max = 50) @Schema(example = "[\"KE\"]") List<@NotNull @CountryCode @Size(min = 2, max = 2) String> countries,
            @Size(max = 20) @Schema(example = "[\"CYBERCRIME\"]") List<@NotBlank @Size(max = 40) String> thematicAreas) {
    }

    @POST
    @Path("/donors")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a donor")
    @APIResponse(responseCode = "201", description = "Registered; `Location` names the donor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DonorBody.class)))
    @APIResponse(responseCode = "409", description = "A donor with this id already exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The platform already holds as many donors as it lists (1,000)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
    @APIResponse(responseCode = "200", description = "Every donor, by id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DonorBody.class, maxItems = Donor.MAX_DONORS)))
    public List<DonorBody> donors() {
        return Donor.<Donor>listAll(io.quarkus.panache.common.Sort.by("id")).stream()
                .map(d -> new DonorBody(d.id, d.name, d.iatiIdentifier, d.type)).toList();
    }

    @POST
    @Path("/programmes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a programme")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the programme",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "409", description = "A programme with this code already exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The platform already holds as many programmes as it lists (1,000)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
    @APIResponse(responseCode = "200", description = "The programmes the caller may read, by code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = ProgrammeListEntry.class, maxItems = Programme.MAX_PROGRAMMES)))
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
    @APIResponse(responseCode = "200", description = "The programme and each donor's part of its funds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "404", description = "No such programme (or, for a donor, not one it funds)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProgrammeView programme(@PathParam("code") @Size(max = 20) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code) {
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
    @APIResponse(responseCode = "201", description = "Recorded; the programme with its funds after it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "404", description = "No such programme",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another change of the programme's funds holds it: retry (`Retry-After`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown donor, or the programme's total would exceed what it can record",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response pledge(@PathParam("code") @Size(max = 20) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code, @NotNull @Valid FundingBody body) {
        return funded(code, Funding.Kind.PLEDGE, body);
    }

    @POST
    @Path("/programmes/{code}/contributions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Record money a donor contributed to a programme (it becomes available for approvals)")
    @APIResponse(responseCode = "201", description = "Recorded; the programme with its funds after it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "404", description = "No such programme",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another change of the programme's funds holds it: retry (`Retry-After`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown donor, or the programme's total would exceed what it can record",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response contribute(@PathParam("code") @Size(max = 20) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code, @NotNull @Valid FundingBody body) {
        return funded(code, Funding.Kind.CONTRIBUTION, body);
    }

    private Response funded(String code, Funding.Kind kind, FundingBody body) {
        List<FieldError> errors = new ArrayList<>();
        Dates.notTooOld("date", body.date(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Programmes.Earmark earmark = body.earmark() == null ? null
                : new Programmes.Earmark(body.earmark().countries(), body.earmark().thematicAreas());
        Programme funded = programmes.fund(code, kind, body.donorId(), body.amount(), body.exchangeRate(), body.date(),
                earmark);
        return Response.status(Response.Status.CREATED).entity(ProgrammeView.of(funded)).build();
    }
}
