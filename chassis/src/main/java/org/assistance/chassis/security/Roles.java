package org.assistance.chassis.security;

/** The roles of the platform, read from the token's {@code groups} claim. */
public final class Roles {
    /** A partner agency acting for a State's authority; its token carries an {@code agency} claim. */
    public static final String PARTNER = "partner";

    public static final String REVIEWER = "reviewer";
    public static final String LOGISTICS = "logistics";
    public static final String OPERATIONS = "operations";
    /** A donor's staff or reporting system; its token carries a {@code donor} claim. */
    public static final String DONOR = "donor";

    public static final String ADMIN = "admin";
    /**
     * A State's national focal point for technical assistance; its token carries a {@code country}
     * claim (ISO 3166-1 alpha-2). It reads every request for its State, from every agency, and
     * speaks for the State: national priorities and the endorsement of requests.
     */
    public static final String FOCAL_POINT = "focal-point";

    public static final String AGENCY_CLAIM = "agency";
    public static final String DONOR_CLAIM = "donor";
    public static final String COUNTRY_CLAIM = "country";

    private Roles() {}
}
