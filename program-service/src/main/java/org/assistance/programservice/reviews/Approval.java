package org.assistance.programservice.reviews;

import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;

import java.time.LocalDate;
import java.util.List;

/** What a reviewer approves: under which programme, how much, and which of the asked lines and trainings. */
public record Approval(String programmeCode, Money amount, List<EquipmentLine> equipmentLines,
                       List<Training> trainings, String approvedBy) {

    /** An approved training course; dates are planned ones. */
    public record Training(String topic, int participants, LocalDate plannedStart, LocalDate plannedEnd) {
    }

    /** Same content, whoever approved it (what a second reviewer must agree to). */
    boolean sameAs(Approval other) {
        return programmeCode.equals(other.programmeCode)
                && amount.amount().compareTo(other.amount.amount()) == 0
                && amount.currency().equals(other.amount.currency())
                && equipmentLines.equals(other.equipmentLines)
                && trainings.equals(other.trainings);
    }
}
