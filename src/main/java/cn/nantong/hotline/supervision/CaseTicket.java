package cn.nantong.hotline.supervision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A ticket linked to a supervision case (the reports that triggered or joined it). */
@Entity
@Table(name = "supervision_case_ticket")
@IdClass(CaseTicket.Key.class)
public class CaseTicket extends PanacheEntityBase {

    public record Key(Long caseId, Long ticketId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "case_id")
    public Long caseId;

    @Id
    @Column(name = "ticket_id")
    public Long ticketId;
}
