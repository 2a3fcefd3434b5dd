package org.assistance.equipmentservice.shipments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Approved equipment that no warehouse had in stock: it waits here for stock. */
@Entity
@Table(name = "backorders")
public class Backorder extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "agency_id")
    public String agencyId;
    @Column(name = "item_code")
    public String itemCode;
    public int quantity;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
