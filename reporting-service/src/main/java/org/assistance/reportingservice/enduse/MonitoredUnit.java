package org.assistance.reportingservice.enduse;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * One unit of equipment whose end use is monitored, with the days its checks fall due and the
 * checks recorded. The rules, in the README's words:
 * <ul>
 *   <li>the k-th due date of a unit is <b>met</b> by its k-th check (checks in the order of their
 *       number, then of the day they were made), whenever it was made;
 *   <li>a due date is <b>due</b> on or before today, and <b>overdue</b> when it is before today and
 *       not met;
 *   <li>every check whose result is not IN_USE is a <b>finding</b>;
 *   <li>the unit is <b>found in use</b> when its latest check (by day, then number) is IN_USE.
 * </ul>
 * A unit the partner rejected at receipt is not monitored: it is never a MonitoredUnit.
 */
public record MonitoredUnit(
        UUID requestId,
        UUID shipmentId,
        String itemCode,
        String itemName,
        String serialNumber,
        String country,
        List<LocalDate> checksDue,
        List<Check> checks) {

    public static final String IN_USE = "IN_USE";

    /** A check recorded of the unit. */
    public record Check(int number, String result, LocalDate checkedAt) {
        boolean finding() {
            return !IN_USE.equals(result);
        }
    }

    public MonitoredUnit {
        checksDue = checksDue.stream().sorted().toList();
        checks = checks.stream()
                .sorted(Comparator.comparingInt(Check::number).thenComparing(Check::checkedAt))
                .toList();
    }

    /** Due dates on or before {@code today}. */
    public int checksDue(LocalDate today) {
        return (int) checksDue.stream().filter(d -> !d.isAfter(today)).count();
    }

    /** Of the due dates on or before {@code today}, those met (the k-th by the k-th check). */
    public int checksMet(LocalDate today) {
        return Math.min(checksDue(today), checks.size());
    }

    /** The due dates before {@code today} that no check met, earliest first. */
    public List<LocalDate> overdue(LocalDate today) {
        List<LocalDate> overdue = new ArrayList<>();
        for (int k = checks.size(); k < checksDue.size(); k++) {
            if (checksDue.get(k).isBefore(today)) {
                overdue.add(checksDue.get(k));
            }
        }
        return overdue;
    }

    /** Whole days from a due date to {@code today}. */
    public static long daysOverdue(LocalDate dueOn, LocalDate today) {
        return ChronoUnit.DAYS.between(dueOn, today);
    }

    /** The checks whose result is not IN_USE. */
    public List<Check> findings() {
        return checks.stream().filter(Check::finding).toList();
    }

    /** Whether the latest check (by day, then number) found the unit in use; false with none. */
    public boolean foundInUse() {
        return checks.stream()
                .max(Comparator.comparing(Check::checkedAt).thenComparingInt(Check::number))
                .map(c -> IN_USE.equals(c.result()))
                .orElse(false);
    }

    /** The item as a person reads it: its name when known, else its code. */
    public String item() {
        return itemName != null ? itemName : itemCode;
    }
}
