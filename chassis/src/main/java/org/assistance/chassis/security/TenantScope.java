package org.assistance.chassis.security;

/**
 * Whose records a caller may read, as {@link Caller#scope()} decides it once for every service:
 * staff read every tenant's (both parts null); a partner only its agency's; a donor only what
 * it funds. Domain queries take this value rather than deciding from roles themselves.
 *
 * @param agency the one agency whose records the caller may read, or null when not confined to one
 * @param donor  the one donor whose records the caller may read, or null when not confined to one
 */
public record TenantScope(String agency, String donor) {

    /** Staff: every agency's and every donor's records. */
    public static final TenantScope EVERY_TENANT = new TenantScope(null, null);

    /** One agency's records: what a partner reads, or acts on for its agency. */
    public static TenantScope ofAgency(String agency) {
        if (agency == null) {
            throw new IllegalArgumentException("an agency scope needs the agency");
        }
        return new TenantScope(agency, null);
    }

    /** True when the caller reads one agency's records only (a partner). */
    public boolean confinedToAgency() {
        return agency != null;
    }

    /** True when the caller reads one donor's records only (a donor's staff or feed reader). */
    public boolean confinedToDonor() {
        return donor != null;
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
}
