package org.assistance.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.assistance.topology.tokens.SigningKey;

/**
 * The test JVM's identity provider: its signing keys, each with a kid, and their public half served
 * as a JWKS over HTTP, where the services under test read them as from a real provider. The keys
 * live in a system property, so every class loader of the JVM (test resources, each Quarkus
 * application) signs with and publishes the same ones; the last key is the one that signs. The keys,
 * their kid and their JWKS are deploy/topology's SigningKey, as the launcher's are.
 */
final class IdentityProvider {
    private static final String KEYS = "assistance.test.identity-provider.keys";
    private static final String URL = "assistance.test.identity-provider.jwks-url";
    private static String cachedValue;
    private static List<SigningKey> cachedKeys;

    private IdentityProvider() {}

    /** The JWKS URL the services under test read their keys from; the server starts on first use. */
    static String jwksUrl() {
        synchronized (System.getProperties()) {
            String url = System.getProperty(URL);
            if (url == null) {
                url = serve();
                System.setProperty(URL, url);
            }
            return url;
        }
    }

    /** The key that signs now, created on first use. */
    static SigningKey signing() {
        List<SigningKey> keys = published();
        return keys.get(keys.size() - 1);
    }

    /** Publishes a new key, which signs from now on; the earlier keys stay published. */
    static SigningKey rotate() {
        synchronized (System.getProperties()) {
            published(); // the first key exists before the next one
            SigningKey next = generate();
            System.setProperty(KEYS, System.getProperty(KEYS) + ";" + encode(next));
            return next;
        }
    }

    /** A key that is published nowhere. */
    static SigningKey stranger() {
        return generate();
    }

    static List<SigningKey> published() {
        synchronized (System.getProperties()) {
            String value = System.getProperty(KEYS);
            if (value == null) {
                value = encode(generate());
                System.setProperty(KEYS, value);
            }
            if (!value.equals(cachedValue)) {
                List<SigningKey> keys = new ArrayList<>();
                for (String entry : value.split(";")) {
                    keys.add(decode(entry));
                }
                cachedKeys = List.copyOf(keys);
                cachedValue = value;
            }
            return cachedKeys;
        }
    }

    static String jwks() {
        return SigningKey.jwks(published());
    }

    private static String serve() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks.json", exchange -> {
                byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(null);
            server.start();
            Thread stopper = new Thread(() -> server.stop(0), "identity-provider-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
        } catch (IOException e) {
            throw new UncheckedIOException("the test identity provider could not listen", e);
        }
    }

    private static SigningKey generate() {
        return SigningKey.generate();
    }

    private static String encode(SigningKey key) {
        return key.kid() + "="
                + Base64.getEncoder().encodeToString(key.privateKey().getEncoded());
    }

    private static SigningKey decode(String entry) {
        int split = entry.indexOf('=');
        try {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(entry.substring(split + 1))));
            return new SigningKey(entry.substring(0, split), key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
