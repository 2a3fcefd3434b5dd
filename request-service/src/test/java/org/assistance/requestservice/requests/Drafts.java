package org.assistance.requestservice.requests;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.requestservice.catalogue.CatalogueItems;
import org.assistance.testsupport.Tokens;

/** Request bodies as a partner agency's client would send them. */
final class Drafts {
    private Drafts() {}

    /** Names item FOR-WB-001, which equipment-service's catalogue publishes first. */
    static Map<String, Object> trainingAndEquipment() {
        CatalogueItems.published("FOR-WB-001");
        Map<String, Object> draft = new HashMap<>();
        draft.put("country", "KE");
        draft.put("requestingAuthority", Map.of("name", "Directorate of Criminal Investigations", "kind", "POLICE"));
        draft.put("thematicArea", "CYBERCRIME");
        draft.put("assistanceTypes", List.of("TRAINING", "EQUIPMENT"));
        draft.put("priority", "HIGH");
        draft.put("title", "Digital forensics capacity for the cybercrime unit");
        draft.put("needsStatement", "Ransomware cases doubled; the unit has no write blockers or trained examiners.");
        draft.put("desiredBy", LocalDate.now().plusMonths(6).toString());
        draft.put(
                "equipmentLines",
                List.of(Map.of(
                        "itemCode", "FOR-WB-001", "quantity", 4, "justification", "One per regional forensic lab")));
        draft.put("trainingNeeds", List.of(Map.of("topic", "Mobile device forensics", "expectedParticipants", 20)));
        draft.put("estimatedValue", Map.of("amount", "48000.00", "currency", "EUR"));
        return draft;
    }

    /** A request for a training course only: no equipment line. */
    static Map<String, Object> trainingOnly() {
        Map<String, Object> draft = trainingAndEquipment();
        draft.put("assistanceTypes", List.of("TRAINING"));
        draft.remove("equipmentLines");
        draft.put("title", "Mobile device forensics course");
        return draft;
    }

    /** Submits as the given agency and returns the new request's id. */
    static UUID submit(String agency, Map<String, Object> draft) {
        String id = given().auth()
                .oauth2(Tokens.partner(agency))
                .contentType(ContentType.JSON)
                .body(draft)
                .when()
                .post("/api/v1/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }
}
