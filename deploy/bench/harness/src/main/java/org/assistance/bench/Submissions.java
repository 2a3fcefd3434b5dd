package org.assistance.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A partner agency's client: submits assistance requests to request-service over HTTP/1.1. */
final class Submissions {
    static final String BODY = """
            {"country":"KE","requestingAuthority":{"name":"Directorate of Criminal Investigations","kind":"POLICE"},
             "thematicArea":"CYBERCRIME","assistanceTypes":["TRAINING","EQUIPMENT"],"priority":"HIGH",
             "title":"Digital forensics capacity","needsStatement":"Ransomware cases doubled; no trained examiners.",
             "desiredBy":"2030-06-30",
             "equipmentLines":[{"itemCode":"FOR-WB-001","quantity":4,"justification":"regional labs"}],
             "trainingNeeds":[{"topic":"Mobile forensics","expectedParticipants":20}],
             "estimatedValue":{"amount":"70000.00","currency":"USD"}}""";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final HttpRequest request;

    Submissions(String partnerToken) {
        this.request = HttpRequest.newBuilder(URI.create(Platform.url("request-service", "/api/v1/requests")))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + partnerToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
    }

    /** Submits one request; answers the response (201 with the new request's JSON when accepted). */
    HttpResponse<String> submit() throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
