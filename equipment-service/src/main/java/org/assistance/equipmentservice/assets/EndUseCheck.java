package org.assistance.equipmentservice.assets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.ShipmentEvents.EndUseCheckRecorded;
import org.assistance.chassis.ids.TimeOrderedIds;

/** Someone (an office, a team) saw or looked for a unit at its end user on a day, and what they found. */
@Entity
@Table(name = "end_use_checks")
public class EndUseCheck extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "serial_number")
    public String serialNumber;

    /** 1 for the unit's first check. */
    @Column(name = "check_number")
    public int checkNumber;

    @Enumerated(EnumType.STRING)
    public CheckResult result;

    @Column(name = "checked_at")
    public LocalDate checkedAt;

    @Column(name = "checked_by")
    public String checkedBy;

    public String note;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    static EndUseCheck of(
            Asset asset,
            int number,
            CheckResult result,
            LocalDate checkedAt,
            String checkedBy,
            String note,
            String recordedBy,
            OffsetDateTime recordedAt) {
        EndUseCheck check = new EndUseCheck();
        check.id = TimeOrderedIds.next();
        check.serialNumber = asset.serialNumber;
        check.checkNumber = number;
        check.result = result;
        check.checkedAt = checkedAt;
        check.checkedBy = checkedBy;
        check.note = note;
        check.recordedBy = recordedBy;
        check.recordedAt = recordedAt;
        return check;
    }

    EndUseCheckRecorded recordedEvent(Asset asset) {
        return new EndUseCheckRecorded(
                asset.requestId,
                asset.shipmentId,
                id,
                asset.itemCode,
                serialNumber,
                asset.country,
                checkNumber,
                result.name(),
                checkedAt,
                checkedBy,
                note,
                recordedBy,
                recordedAt);
    }

    /** The unit's checks, first first. */
    static List<EndUseCheck> of(String serialNumber) {
        return list("serialNumber = ?1 order by checkNumber", serialNumber);
    }

    /** The last check of each of these units that has one. */
    static List<EndUseCheck> lastOf(Collection<String> serialNumbers) {
        return serialNumbers.isEmpty()
                ? List.of()
                : list(
                        "from EndUseCheck c where c.serialNumber in ?1 and c.checkNumber = (select a.checks from Asset "
                                + "a where a.serialNumber = c.serialNumber)",
                        serialNumbers);
    }
}
