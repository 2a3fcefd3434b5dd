package org.assistance.programservice.reviews;

import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.programservice.activities.ActivityKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a reviewer approves: under which programme, how much, and which of the asked lines,
 * trainings and other activities. {@code activities} null: the approval did not name them, and
 * one activity is planned per non-equipment kind of assistance asked (as before activities could
 * be named).
 */
public record Approval(String programmeCode, Money amount, List<EquipmentLine> equipmentLines,
                       List<Training> trainings, List<Activity> activities, String approvedBy) {

    /** An approved training course; dates are planned ones. */
    public record Training(String topic, int participants, LocalDate plannedStart, LocalDate plannedEnd) {
    }

    /** An approved activity of any kind; dates are planned ones. */
    public record Activity(ActivityKind kind, String title, int participants, LocalDate plannedStart,
                           LocalDate plannedEnd) {
    }

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
        return trainings.size() + (activities == null ? 0
                : (int) activities.stream().filter(a -> a.kind() == ActivityKind.TRAINING_COURSE).count());
    }
}
