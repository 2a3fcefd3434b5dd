package org.assistance.requestservice.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a partner's webhook may reach: the SSRF rules, without a network. */
class DestinationsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.1.2.3",
                "10.0.0.1",
                "172.16.5.4",
                "172.31.255.255",
                "192.168.1.10",
                "::1",
                "fd00::1",
                "fc12:3456::1",
                "::ffff:10.0.0.1",
                "::ffff:127.0.0.1"
            })
    void loopback_and_private_addresses_are_refused_unless_configured(String literal) throws Exception {
        InetAddress address = InetAddress.getByName(literal);
        assertThat(Destinations.refusal(address, false)).isPresent();
        assertThat(Destinations.refusal(address, true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "169.254.169.254",
                "fe80::1",
                "224.0.0.1",
                "ff02::1",
                "0.0.0.0",
                "::",
                "100.64.0.1",
                "100.127.255.254",
                "255.255.255.255",
                "240.0.0.1",
                "198.18.0.1",
                "fec0::1"
            })
    void link_local_multicast_unspecified_cgnat_and_reserved_addresses_are_always_refused(String literal)
            throws Exception {
        InetAddress address = InetAddress.getByName(literal);
        assertThat(Destinations.refusal(address, false)).isPresent();
        assertThat(Destinations.refusal(address, true)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1", "2606:4700::1"})
    void public_addresses_are_reachable(String literal) throws Exception {
        assertThat(Destinations.refusal(InetAddress.getByName(literal), false)).isEmpty();
    }

    @Test
    void only_https_by_default_and_never_credentials_in_the_url() throws Exception {
        Destinations strict = new Destinations(false, false);
        assertThat(strict.parse("https://partner.example/hook").getHost()).isEqualTo("partner.example");
        assertThatThrownBy(() -> strict.parse("http://partner.example/hook")).hasMessageContaining("https");
        assertThatThrownBy(() -> strict.parse("https://user:pw@partner.example/hook"))
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> strict.parse("file:///etc/passwd")).isInstanceOf(Destinations.Refused.class);
        assertThatThrownBy(() -> strict.parse("https:///no-host")).isInstanceOf(Destinations.Refused.class);
        assertThat(new Destinations(true, false).parse("http://partner.example/hook"))
                .isNotNull();
    }

    @Test
    void a_url_naming_a_private_address_is_refused_at_check() {
        Destinations strict = new Destinations(false, false);
        assertThatThrownBy(() -> strict.check(strict.parse("https://127.0.0.1:8443/hook")))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> strict.check(strict.parse("https://[fd00::5]/hook")))
                .hasMessageContaining("unique local");
        assertThatThrownBy(() -> strict.check(strict.parse("https://10.1.2.3/hook")))
                .hasMessageContaining("private");
    }
}
