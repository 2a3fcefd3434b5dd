package org.assistance.requestservice.vocabulary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.texts.Texts;
import org.assistance.requestservice.requests.AssistanceType;
import org.assistance.requestservice.requests.Priority;
import org.assistance.requestservice.requests.RequestStatus;
import org.assistance.requestservice.requests.ThematicArea;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** A client shows the names of a request's codes in its reader's language. */
@QuarkusTest
class ReadingTheVocabularyTest {

    @Test
    void a_partner_that_reads_russian_gets_the_names_in_russian() {
        given().auth()
                .oauth2(Tokens.partner("agency-vocabulary"))
                .header("Accept-Language", "ru-RU, en;q=0.5")
                .when()
                .get("/api/v1/vocabulary")
                .then()
                .statusCode(200)
                .header("Content-Language", "ru")
                .header("Vary", org.hamcrest.Matchers.containsString("Accept-Language"))
                .body("language", equalTo("ru"))
                .body("thematicAreas.find { it.code == 'CYBERCRIME' }.name", equalTo("Киберпреступность"))
                .body("thematicAreas", hasSize(ThematicArea.values().length))
                .body("assistanceTypes", hasSize(AssistanceType.values().length))
                .body("statuses", hasSize(RequestStatus.values().length))
                .body("priorities", hasSize(Priority.values().length))
                .body("statuses.find { it.code == 'UNDER_REVIEW' }.name", equalTo("На рассмотрении"))
                .body("priorities.find { it.code == 'URGENT' }.name", equalTo("Срочный"));
    }

    @Test
    void a_reviewer_that_reads_chinese_gets_the_names_in_chinese() {
        given().auth()
                .oauth2(Tokens.role(Roles.REVIEWER))
                .header("Accept-Language", "zh-CN")
                .when()
                .get("/api/v1/vocabulary")
                .then()
                .statusCode(200)
                .header("Content-Language", "zh")
                .body("language", equalTo("zh"))
                .body("assistanceTypes.find { it.code == 'TRAINING' }.name", equalTo("培训"))
                .body("thematicAreas.find { it.code == 'DRUG_TRAFFICKING' }.name", equalTo("毒品贩运"))
                .body("priorities.find { it.code == 'URGENT' }.name", equalTo("紧急"));
    }

    @Test
    void a_caller_without_a_language_of_the_six_reads_english() {
        given().auth()
                .oauth2(Tokens.partner("agency-vocabulary"))
                .header("Accept-Language", "de-DE")
                .when()
                .get("/api/v1/vocabulary")
                .then()
                .statusCode(200)
                .header("Content-Language", "en")
                .body("thematicAreas.find { it.code == 'CYBERCRIME' }.name", equalTo("Cybercrime"));
    }

    @Test
    void without_a_token_the_vocabulary_is_not_read() {
        given().when().get("/api/v1/vocabulary").then().statusCode(401);
    }

    @Test
    void every_thematic_area_assistance_type_status_and_priority_has_a_name() {
        List<String> keys = Stream.of(
                        names("thematic-area", ThematicArea.values()),
                        names("assistance-type", AssistanceType.values()),
                        names("request-status", RequestStatus.values()),
                        names("priority", Priority.values()))
                .flatMap(List::stream)
                .toList();
        assertThat(keys).allSatisfy(key -> assertThat(Texts.has(key)).as(key).isTrue());
    }

    private static List<String> names(String vocabulary, Enum<?>[] codes) {
        return Arrays.stream(codes).map(code -> vocabulary + "." + code.name()).toList();
    }
}
