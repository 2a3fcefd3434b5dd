package org.assistance.programservice.reviews;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.programservice.activities.ActivityKind;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a reviewer approves: under which programme, how much, and which of the asked lines,
 * trainings and other activities. {@code activities} null: the approval did not name them, and
 * one activity is planned per non-equipment kind of assistance asked (as before activities could
 * be named).
 */
@Schema(name = "Approval", description = "An approval awaiting its second reviewer")
public record Approval(
        @Schema(maxLength = 20) String programmeCode,
        Money amount,

        @Schema(maxItems = 100, type = SchemaType.ARRAY, implementation = AskedLine.class)
        List<EquipmentLine> equipmentLines,

        @Schema(maxItems = 50) List<Training> trainings,
        @Schema(maxItems = 50) List<Activity> activities,

        @Schema(maxLength = 100, description = "The first reviewer, as the token names them")
        String approvedBy) {

    /** An approved training course; dates are planned ones. */
    @Schema(name = "Training")
    public record Training(
            @Schema(maxLength = 200) String topic,
            @Schema(minimum = "1", maximum = "10000") int participants,
            LocalDate plannedStart,
            LocalDate plannedEnd) {}

    /** An approved activity of any kind; dates are planned ones. */
    @Schema(name = "PendingActivity")
    public record Activity(
            ActivityKind kind,
            @Schema(maxLength = 200) String title,
            @Schema(minimum = "0", maximum = "10000") int participants,
            LocalDate plannedStart,
            LocalDate plannedEnd) {}

    /** Same content, whoever approved it (what a second reviewer must agree to). */
    boolean sameAs(Approval other) {
        return programmeCode.equals(other.programmeCode)
                && amount.amount().compareTo(other.amount.amount()) == 0
                && amount.currency().equals(other.amount.currency())
                && equipmentLines.equals(other.equipmentLines)
                && trainings.equals(other.trainings)
                && Objects.equals(activities, other.activities);
    }

    /** Training courses approved, whether named as trainings or as activities. */
    int trainingCourses() {
        return trainings.size()
                + (activities == null
                        ? 0
                        : (int) activities.stream()
                                .filter(a -> a.kind() == ActivityKind.TRAINING_COURSE)
                                .count());
    }
}
