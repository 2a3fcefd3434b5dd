package org.assistance.programservice.reviews;

import org.assistance.chassis.events.Values.TrainingNeed;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A training the agency asked for, bounded as request-service accepts it. */
@Schema(name = "TrainingNeed")
public record AskedTraining(
        @Schema(maxLength = 200, example = "Mobile device forensics")
        String topic,

        @Schema(minimum = "1", maximum = "10000", example = "20")
        int expectedParticipants) {
    static AskedTraining of(TrainingNeed need) {
        return new AskedTraining(need.topic(), need.expectedParticipants());
    }
}
