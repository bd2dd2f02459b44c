package cn.nantong.hotline.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A department (承办单位) that handles dispatched tickets; reference data owned by the migrations. */
@Entity
public class Department extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;
}
