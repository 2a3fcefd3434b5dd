package org.assistance.reportingservice.timelines;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Which agency a request belongs to, learnt from its submission, so partners read only their own timelines. */
@Entity
@Table(name = "request_owners")
public class RequestOwner extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "agency_id")
    public String agencyId;
}
