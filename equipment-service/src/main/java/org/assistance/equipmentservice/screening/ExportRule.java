package org.assistance.equipmentservice.screening;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An export-control or sanctions measure: for a destination (or every destination, "*") and an
 * item category (or every dual-use item, "DUAL_USE"), shipping is PROHIBITED or needs a licence.
 */
@Entity
@Table(name = "export_rules")
public class ExportRule extends PanacheEntityBase {
    public static final String ANY_DESTINATION = "*";
    public static final String DUAL_USE = "DUAL_USE";

    public enum Measure { PROHIBITED, LICENCE_REQUIRED }

    @Id
    public UUID id;
    public String destination;
    public String target;
    @Enumerated(EnumType.STRING)
    public Measure measure;
    public String reference;
    public String reason;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    boolean applies(String destinationCountry, String category, boolean dualUse) {
        boolean place = ANY_DESTINATION.equals(destination) || destination.equals(destinationCountry);
        boolean item = target.equals(category) || (DUAL_USE.equals(target) && dualUse);
        return place && item;
    }
}
