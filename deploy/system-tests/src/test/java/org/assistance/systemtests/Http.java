package org.assistance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Plain HTTP with the JDK client, as any outside client of the platform would call it. */
final class Http {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String body) {}

    private Http() {}

    static Answer send(String method, String url, String bearer, String json) throws IOException, InterruptedException {
        return send(method, url, bearer, json, java.util.Map.of());
    }

    /** With headers of its own, e.g. If-Match, or another Content-Type. */
    static Answer send(String method, String url, String bearer, String json, java.util.Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", headers.getOrDefault("Content-Type", "application/json"));
        headers.forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                request.header(name, value);
            }
        });
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** One page of a list and, when more follow, the URL of the next (RFC 8288 {@code Link: <...>; rel="next"}). */
    record Page(int status, String body, String next) {}

    static Page page(String url, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String next = response.headers().allValues("Link").stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .filter(link -> link.contains("rel=\"next\""))
                .map(link -> link.substring(link.indexOf('<') + 1, link.indexOf('>')))
                .map(link -> URI.create(url).resolve(link).toString())
                .findFirst()
                .orElse(null);
        return new Page(response.statusCode(), response.body(), next);
    }

    static Answer get(String url, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** A call that must succeed (2xx): its JSON answer, or null for an empty one. */
    static JsonNode ok(String method, String url, String bearer, String json) throws Exception {
        Answer answer = send(method, url, bearer, json);
        assertThat(answer.status()).as("%s %s: %s", method, url, answer.body()).isBetween(200, 299);
        return answer.body() == null || answer.body().isBlank() ? null : JSON.readTree(answer.body());
    }

    /**
     * Reads {@code url} until its JSON (a page's {@code items} when it is a page) satisfies {@code until},
     * for at most {@code atMost}: what the platform's events have not propagated yet is read again.
     */
    static JsonNode awaitJson(String url, String bearer, Duration atMost, Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            Answer answer = get(url, bearer);
            if (answer.status() != 200) {
                return false;
            }
            JsonNode json = JSON.readTree(answer.body());
            last[0] = json.has("items") ? json.get("items") : json;
            return until.test(last[0]);
        });
        return last[0];
    }

    /**
     * Every item of a list, following its pages to the end: {"items", "next"} pages, or plain
     * arrays with a {@code Link: <...>; rel="next"} header (equipment-service's lists, at most 1,000 an answer).
     */
    static java.util.List<JsonNode> all(String url, String bearer) throws Exception {
        java.util.List<JsonNode> items = new java.util.ArrayList<>();
        String next = url;
        while (next != null) {
            Page answer = page(next, bearer);
            assertThat(answer.status()).as("GET %s: %s", next, answer.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(answer.body());
            if (page.isArray()) {
                page.forEach(items::add);
                next = answer.next();
            } else {
                page.path("items").forEach(items::add);
                next = page.hasNonNull("next") ? page.get("next").asText() : null;
            }
        }
        return items;
    }
}
