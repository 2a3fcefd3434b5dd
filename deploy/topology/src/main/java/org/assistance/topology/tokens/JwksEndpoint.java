package org.assistance.topology.tokens;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local identity provider's JWKS endpoint: serves the launcher's jwt/jwks.json at
 * http://127.0.0.1:PORT/jwks.json, read again on every request, so a key {@code platform rotate-keys}
 * publishes reaches the running services (they read the JWKS again when a token names a new kid).
 * Usage: {@code java -cp topology.jar org.assistance.topology.tokens.JwksEndpoint PORT JWKS_FILE}
 */
public final class JwksEndpoint {
    private JwksEndpoint() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path jwks = Path.of(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/jwks.json", exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod())
                        || !"/jwks.json".equals(exchange.getRequestURI().getPath())) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(jwks);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                // services keep the keys a minute at most, as a provider's JWKS answer asks them to
                exchange.getResponseHeaders().set("Cache-Control", "max-age=60");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        System.out.println("JWKS at http://127.0.0.1:" + port + "/jwks.json from " + jwks);
    }
}
