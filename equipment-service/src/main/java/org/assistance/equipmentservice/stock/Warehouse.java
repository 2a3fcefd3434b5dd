package org.assistance.equipmentservice.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "warehouses")
public class Warehouse extends PanacheEntityBase {
    @Id
    public String code;

    public String name;
    public String country;
}
