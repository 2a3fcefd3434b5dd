package org.assistance.requestservice.receipts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The partner's proof of delivery for one shipment: per line, what it accepted and rejected. */
@Entity
@Table(name = "receipts")
public class Receipt extends PanacheEntityBase {
    @Id
    @Column(name = "shipment_id")
    public UUID shipmentId;

    @Column(name = "request_id")
    public UUID requestId;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ReceiptLine> lines;

    @Column(name = "received_by")
    public String receivedBy;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
