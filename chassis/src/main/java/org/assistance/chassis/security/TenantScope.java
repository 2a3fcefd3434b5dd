package org.assistance.chassis.security;

/**
 * Whose records a caller may read, as {@link Caller#scope()} decides it once for every service:
 * staff read every tenant's (every part null); a partner only its agency's; a donor only what it
 * funds; a State's focal point only what concerns its State. Domain queries take this value rather
 * than deciding from roles themselves. Parts combine: a caller confined in two ways reads only
 * what satisfies both.
 *
 * @param agency  the one agency whose records the caller may read, or null when not confined to one
 * @param donor   the one donor whose records the caller may read, or null when not confined to one
 * @param country the one State (ISO 3166-1 alpha-2) whose records the caller may read, or null
 */
public record TenantScope(String agency, String donor, String country) {

    /** Staff: every agency's, every donor's and every State's records. */
    public static final TenantScope EVERY_TENANT = new TenantScope(null, null, null);

    /** One agency's records: what a partner reads, or acts on for its agency. */
    public static TenantScope ofAgency(String agency) {
        if (agency == null) {
            throw new IllegalArgumentException("an agency scope needs the agency");
        }
        return new TenantScope(agency, null, null);
    }

    /** One State's records: what its focal point reads. */
    public static TenantScope ofCountry(String country) {
        if (country == null) {
            throw new IllegalArgumentException("a country scope needs the country");
        }
        return new TenantScope(null, null, country);
    }

    /** True when the caller reads one agency's records only (a partner). */
    public boolean confinedToAgency() {
        return agency != null;
    }

    /** True when the caller reads one donor's records only (a donor's staff or feed reader). */
    public boolean confinedToDonor() {
        return donor != null;
    }

    /** True when the caller reads one State's records only (its focal point). */
    public boolean confinedToCountry() {
        return country != null;
    }

    /**
     * True when a record of this agency is the caller's to read. Only a partner's scope limits
     * agencies; whether a donor reads agency records at all is for {@code @RolesAllowed}.
     */
    public boolean includesAgency(String agencyId) {
        return agency == null || agency.equals(agencyId);
    }

    /** True when a record of this donor is the caller's to read. */
    public boolean includesDonor(String donorId) {
        return donor == null || donor.equals(donorId);
    }

    /** True when a record about this State (a request's country, a shipment's destination) is the caller's to read. */
    public boolean includesCountry(String countryCode) {
        return country == null || country.equals(countryCode);
    }

    /** True when a request of this agency for this State is the caller's to read: both parts must allow it. */
    public boolean includesRequest(String agencyId, String countryCode) {
        return includesAgency(agencyId) && includesCountry(countryCode);
    }
}
