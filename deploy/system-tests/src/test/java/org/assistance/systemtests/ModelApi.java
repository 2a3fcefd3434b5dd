package org.assistance.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * The public REST APIs of the four services as the model-based test's users call them, each
 * with a token of their role. Any answer other than the one the model expects is an
 * {@link UnexpectedAnswer}, naming the call and what the service said.
 */
final class ModelApi {
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    final String requests;
    final String programs;
    final String equipment;
    final String reporting;
    final String reporting2;
    final String partner;
    final String reviewerAna;
    final String reviewerBo;
    final String logistics;
    final String admin;
    final String operations;

    /** An answer the model did not expect from a move it thought valid. */
    static final class UnexpectedAnswer extends RuntimeException {
        final int status;

        UnexpectedAnswer(String call, int status, String body) {
            super(call + " answered " + status + ": " + body);
            this.status = status;
        }
    }

    ModelApi(FaultPlatform platform) throws Exception {
        requests = platform.url("request-service");
        programs = platform.url("program-service");
        equipment = platform.url("equipment-service");
        reporting = platform.url("reporting-service");
        reporting2 = platform.topology.reportingInstances() > 1 ? platform.url("reporting-service-2") : reporting;
        partner = platform.token("partner", "--agency", PlatformModel.AGENCY);
        reviewerAna = platform.token("reviewer", "--subject", "reviewer-model-ana");
        reviewerBo = platform.token("reviewer", "--subject", "reviewer-model-bo");
        logistics = platform.token("logistics");
        admin = platform.token("admin");
        operations = platform.token("operations");
    }

    /** A call that must succeed (2xx); answers the JSON body (null when empty). */
    JsonNode ok(String method, String url, String token, Object body) throws Exception {
        return answer(method, url, token, body, Map.of(), 200, 299);
    }

    JsonNode ok(String method, String url, String token, Object body, Map<String, String> headers) throws Exception {
        return answer(method, url, token, body, headers, 200, 299);
    }

    /** A call the platform must refuse with exactly this status. */
    JsonNode refused(int status, String method, String url, String token, Object body) throws Exception {
        return answer(method, url, token, body, Map.of(), status, status);
    }

    JsonNode get(String url, String token) throws Exception {
        return ok("GET", url, token, null);
    }

    /** The answer of a GET, whatever its status: for looking whether something became visible. */
    Http.Answer look(String url, String token) throws Exception {
        return Http.get(url, token);
    }

    /** Every item of a list answer, to its last page (Http.all). */
    List<JsonNode> all(String url, String token) throws Exception {
        return Http.all(url, token);
    }

    private JsonNode answer(
            String method, String url, String token, Object body, Map<String, String> headers, int lowest, int highest)
            throws Exception {
        String json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        Http.Answer answer = Http.send(method, url, token, json, headers);
        if (answer.status() < lowest || answer.status() > highest) {
            throw new UnexpectedAnswer(
                    method + " " + url + (json == null ? "" : " " + json), answer.status(), answer.body());
        }
        return answer.body() == null || answer.body().isBlank() ? null : JSON.readTree(answer.body());
    }

    static JsonNode parse(Http.Answer answer) throws Exception {
        return JSON.readTree(answer.body());
    }
}
