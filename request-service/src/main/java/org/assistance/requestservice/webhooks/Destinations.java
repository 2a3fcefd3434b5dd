package org.assistance.requestservice.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.assistance.chassis.texts.Text;

/**
 * Where a partner's webhook may point. A URL is checked when the subscription is made and its host
 * resolved and checked again before every delivery (a name may come to resolve elsewhere): the
 * platform must never be made to call into its own network (SSRF). Only https to public addresses,
 * unless configuration allows plain http or loopback and private addresses (a developer's machine,
 * tests); link-local (cloud metadata), multicast, unspecified, CGNAT and reserved addresses never.
 */
@ApplicationScoped
public class Destinations {
    /** Why a destination is refused, in words for the partner. */
    public static final class Refused extends Exception {
        private final transient Text reason;

        Refused(Text reason) {
            super(reason.english(), null, false, false);
            this.reason = reason;
        }

        /** Why, in words for the partner's language (the message is English, for the delivery log). */
        public Text reason() {
            return reason;
        }
    }

    private final boolean allowHttp;
    private final boolean allowPrivate;

    @Inject
    public Destinations(WebhookSettings settings) {
        this(settings.allowHttp(), settings.allowPrivateAddresses());
    }

    Destinations(boolean allowHttp, boolean allowPrivate) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
    }

    /** The URL if its form is acceptable (scheme, host, no credentials); its addresses are not checked here. */
    URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused(Text.of("webhook.url.not-a-url"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new Refused(Text.of(allowHttp ? "webhook.url.http-or-https" : "webhook.url.https-only"));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused(Text.of("webhook.url.no-host"));
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused(Text.of("webhook.url.credentials"));
        }
        if (uri.getRawFragment() != null) {
            throw new Refused(Text.of("webhook.url.fragment"));
        }
        return uri;
    }

    /** Resolves the URL's host and refuses it if any of its addresses may not be reached. */
    void check(URI uri) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused(Text.of("webhook.url.unresolved", "host", uri.getHost()));
        }
        for (InetAddress address : addresses) {
            Optional<Text> refusal = refusal(address, allowPrivate);
            if (refusal.isPresent()) {
                throw new Refused(Text.of(
                        "webhook.url.address",
                        "host",
                        uri.getHost(),
                        "kind",
                        refusal.get(),
                        "address",
                        address.getHostAddress()));
            }
        }
    }

    /** Why this address may not be reached (its kind), or empty when it may. */
    static Optional<Text> refusal(InetAddress address, boolean allowPrivate) {
        if (address.isAnyLocalAddress()) {
            return Optional.of(Text.of("webhook.address.unspecified"));
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of(Text.of("webhook.address.link-local"));
        }
        if (address.isMulticastAddress()) {
            return Optional.of(Text.of("webhook.address.multicast"));
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            if (first == 100 && second >= 64 && second <= 127) {
                return Optional.of(Text.of("webhook.address.shared"));
            }
            if (first == 0 || first >= 240 || (first == 198 && (second == 18 || second == 19))) {
                return Optional.of(Text.of("webhook.address.reserved"));
            }
        }
        if (address instanceof Inet6Address && (b[0] & 0xFF) == 0xFE && (b[1] & 0xC0) == 0xC0) {
            return Optional.of(Text.of("webhook.address.site-local")); // fec0::/10, deprecated
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        if (address.isLoopbackAddress()) {
            return Optional.of(Text.of("webhook.address.loopback"));
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of(Text.of("webhook.address.private"));
        }
        if (address instanceof Inet6Address && (b[0] & 0xFE) == 0xFC) {
            return Optional.of(Text.of("webhook.address.unique-local")); // fc00::/7
        }
        return Optional.empty();
    }
}
