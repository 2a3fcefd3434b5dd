package org.assistance.chassis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.Topics;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AsyncApiTest {

    @Test
    void the_served_asyncapi_document_describes_every_channel_and_every_payload_field() {
        JsonPath doc =
                given().when().get("/asyncapi").then().statusCode(200).extract().jsonPath();

        assertThat(doc.getString("asyncapi")).isEqualTo("3.0.0");
        for (String topic : Topics.ALL) {
            assertThat(doc.getMap("channels").keySet()).contains(topic, Topics.deadLetters(topic));
        }
        for (EventType type : EventType.values()) {
            Map<String, Object> message = doc.getMap("components.messages.'" + type.typeName() + "'");
            assertThat(message).as(type.typeName()).isNotNull();
            assertThat(doc.getMap("channels.'" + type.topic() + "'.messages")).containsKey(type.typeName());
            String schema = type.payload().getSimpleName();
            Map<String, Object> properties = doc.getMap("components.schemas." + schema + ".properties");
            assertThat(properties.keySet())
                    .as(schema)
                    .containsExactlyInAnyOrderElementsOf(
                            Arrays.stream(type.payload().getRecordComponents())
                                    .map(RecordComponent::getName)
                                    .toList());
        }
    }
}
