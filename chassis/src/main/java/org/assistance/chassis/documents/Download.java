package org.assistance.chassis.documents;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A document to send: its metadata and its content, streamed when the answer is written. */
public record Download(DocumentView document, StreamingOutput content) {

    /**
     * The answer: the detected type (never the one the upload claimed), saved rather than shown by
     * a browser, never sniffed as another type (X-Content-Type-Options: nosniff is on every answer
     * of the services, quarkus.http.header in the chassis' configuration: set here too it went out twice).
     */
    public Response answer() {
        return Response.ok(content, document.mediaType())
                .header(HttpHeaders.CONTENT_LENGTH, document.size())
                .header("Content-Disposition", disposition(document.filename()))
                .header("Cache-Control", "private, no-store")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Repr-Digest", "sha-256=:" + base64(document.sha256()) + ":")
                .build();
    }

    /**
     * {@code attachment} with the name twice (RFC 6266): plain ASCII with anything else replaced,
     * for old clients, and exact as UTF-8 percent-encoded (RFC 8187) for the rest.
     */
    static String disposition(String filename) {
        StringBuilder ascii = new StringBuilder();
        filename.codePoints()
                .forEach(
                        c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' ? (char) c : '_'));
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static String base64(String hex) {
        return java.util.Base64.getEncoder()
                .encodeToString(java.util.HexFormat.of().parseHex(hex));
    }
}
