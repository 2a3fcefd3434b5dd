package org.assistance.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** Whose records a caller may read, as Caller.scope() decides it from a verified token's claims. */
class TenantScopeTest {

    @Test
    void staff_read_every_tenants_records_even_with_a_partners_role_and_agency_as_well() {
        assertThat(caller(Map.of(), Roles.OPERATIONS).scope()).isEqualTo(TenantScope.EVERY_TENANT);
        TenantScope reviewer = caller(Map.of(Roles.AGENCY_CLAIM, "agency-ke-dci"), Roles.REVIEWER, Roles.PARTNER)
                .scope();
        assertThat(reviewer).isEqualTo(TenantScope.EVERY_TENANT);
        assertThat(reviewer.includesAgency("agency-ug-cid")).isTrue();
        assertThat(reviewer.includesDonor("donor-eu")).isTrue();
    }

    @Test
    void a_partner_reads_only_its_own_agencys_records() {
        TenantScope partner = caller(Map.of(Roles.AGENCY_CLAIM, "agency-ke-dci"), Roles.PARTNER)
                .scope();
        assertThat(partner.agency()).isEqualTo("agency-ke-dci");
        assertThat(partner.confinedToAgency()).isTrue();
        assertThat(partner.confinedToDonor()).isFalse();
        assertThat(partner.includesAgency("agency-ke-dci")).isTrue();
        assertThat(partner.includesAgency("agency-ug-cid")).isFalse();
        assertThat(partner.includesAgency(null)).isFalse();
    }

    @Test
    void a_donor_reads_only_its_own_records() {
        TenantScope donor =
                caller(Map.of(Roles.DONOR_CLAIM, "donor-eu"), Roles.DONOR).scope();
        assertThat(donor.donor()).isEqualTo("donor-eu");
        assertThat(donor.confinedToDonor()).isTrue();
        assertThat(donor.includesDonor("donor-eu")).isTrue();
        assertThat(donor.includesDonor("donor-uk")).isFalse();
    }

    @Test
    void a_states_focal_point_reads_every_agencys_records_for_its_state_only() {
        Caller focalPoint = caller(Map.of(Roles.COUNTRY_CLAIM, "KE"), Roles.FOCAL_POINT);
        TenantScope scope = focalPoint.scope();
        assertThat(scope).isEqualTo(TenantScope.ofCountry("KE"));
        assertThat(scope.confinedToCountry()).isTrue();
        assertThat(scope.confinedToAgency()).isFalse();
        assertThat(scope.includesRequest("agency-ke-dci", "KE")).isTrue();
        assertThat(scope.includesRequest("agency-ke-odpp", "KE")).isTrue();
        assertThat(scope.includesRequest("agency-ke-dci", "UG")).isFalse();
        assertThat(scope.includesCountry(null)).isFalse();
        assertThat(focalPoint.isFocalPointOf("KE")).isTrue();
        assertThat(focalPoint.isFocalPointOf("UG")).isFalse();
        assertThat(caller(Map.of(Roles.COUNTRY_CLAIM, "KE"), Roles.ADMIN).isFocalPointOf("KE"))
                .as("staff speak for no State")
                .isFalse();
    }

    @Test
    void a_partner_that_is_also_a_focal_point_reads_what_both_allow() {
        TenantScope both = caller(
                        Map.of(Roles.AGENCY_CLAIM, "agency-ke-dci", Roles.COUNTRY_CLAIM, "KE"),
                        Roles.PARTNER,
                        Roles.FOCAL_POINT)
                .scope();
        assertThat(both.includesRequest("agency-ke-dci", "KE")).isTrue();
        assertThat(both.includesRequest("agency-ke-odpp", "KE")).isFalse();
        assertThat(both.includesRequest("agency-ke-dci", "UG")).isFalse();
    }

    @Test
    void a_partner_donor_or_focal_point_token_without_its_tenant_claim_is_refused() {
        assertThatThrownBy(() -> caller(Map.of(), Roles.PARTNER).scope()).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> caller(Map.of(), Roles.DONOR).scope()).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> caller(Map.of(), Roles.FOCAL_POINT).scope()).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_caller_of_no_role_that_reads_records_reads_nothing_rather_than_everything() {
        assertThatThrownBy(() -> caller(Map.of()).scope()).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void the_tokens_expiry_is_known_to_the_second() {
        Instant exp = Instant.parse("2027-01-31T10:15:30Z");
        assertThat(caller(Map.of("exp", exp.getEpochSecond()), Roles.OPERATIONS).expiresAt())
                .contains(exp);
        assertThat(caller(Map.of(), Roles.OPERATIONS).expiresAt()).isEmpty();
    }

    /** A caller as the platform sees it after verifying a token with these claims and groups. */
    private static Caller caller(Map<String, Object> claims, String... groups) {
        JwtClaims jwt = new JwtClaims();
        jwt.setSubject("clerk-1");
        jwt.setStringListClaim("groups", List.of(groups));
        claims.forEach(jwt::setClaim);
        DefaultJWTCallerPrincipal token = new DefaultJWTCallerPrincipal(jwt);
        QuarkusSecurityIdentity identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addRoles(Set.of(groups))
                .build();
        return new Caller(identity, token);
    }
}
