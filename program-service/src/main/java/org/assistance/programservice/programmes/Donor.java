package org.assistance.programservice.programmes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A government, multilateral or private donor funding programmes. */
@Entity
@Table(name = "donors")
public class Donor extends PanacheEntityBase {
    @Id
    public String id;

    public String name;

    @Column(name = "iati_identifier")
    public String iatiIdentifier;

    @Enumerated(EnumType.STRING)
    public DonorType type;

    /** Donors are listed whole (no paging): the platform holds at most this many. */
    public static final int MAX_DONORS = 1_000;
    /** What a donor id is made of. */
    static final String ID = "[a-z0-9][a-z0-9-]*";

    static final String ID_MESSAGE = "{donor.id}";
}
