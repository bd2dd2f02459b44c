package cn.nantong.hotline.sla;

import cn.nantong.hotline.common.SettingsVersions;
import cn.nantong.hotline.ticket.TicketType;
import io.quarkus.hibernate.orm.panache.Panache;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The tables sla_special_day and sla_reply_limit; every write bumps the change counter in its transaction. */
final class SlaOverrideStore {

    private SlaOverrideStore() {
    }

    /** A stored special day with who set it. */
    record StoredDay(SpecialDay day, String updatedBy, Instant updatedAt) {
    }

    static SlaOverrides load() {
        List<SpecialDay> days = days().stream().map(StoredDay::day).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select ticket_type, working_days from sla_reply_limit").getResultList();
        Map<TicketType, Integer> reply = new EnumMap<>(TicketType.class);
        rows.forEach(r -> reply.put(TicketType.valueOf((String) r[0]), ((Number) r[1]).intValue()));
        return new SlaOverrides(days, reply);
    }

    static List<StoredDay> days() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                "select day, kind, name, updated_by, updated_at from sla_special_day order by day").getResultList();
        return rows.stream().map(r -> new StoredDay(new SpecialDay(localDate(r[0]),
                SpecialDay.Kind.valueOf((String) r[1]), (String) r[2]), (String) r[3], instant(r[4]))).toList();
    }

    static boolean hasDay(LocalDate date) {
        return !Panache.getEntityManager().createNativeQuery("select 1 from sla_special_day where day = ?1")
                .setParameter(1, date).getResultList().isEmpty();
    }

    static void addDay(SpecialDay day, String actor, Instant now) {
        Panache.getEntityManager().createNativeQuery(
                        "insert into sla_special_day (day, kind, name, updated_by, updated_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, day.date()).setParameter(2, day.kind().name()).setParameter(3, day.name())
                .setParameter(4, actor).setParameter(5, now).executeUpdate();
        SettingsVersions.bump(SettingsVersions.SLA);
    }

    static boolean removeDay(LocalDate date) {
        return changed(Panache.getEntityManager().createNativeQuery("delete from sla_special_day where day = ?1")
                .setParameter(1, date).executeUpdate());
    }

    static void setReply(TicketType type, int workingDays, String actor, Instant now) {
        Panache.getEntityManager().createNativeQuery("""
                        insert into sla_reply_limit (ticket_type, working_days, updated_by, updated_at) values (?1, ?2, ?3, ?4)
                        on conflict (ticket_type) do update set working_days = excluded.working_days,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .setParameter(1, type.name()).setParameter(2, workingDays).setParameter(3, actor).setParameter(4, now)
                .executeUpdate();
        SettingsVersions.bump(SettingsVersions.SLA);
    }

    static boolean removeReply(TicketType type) {
        return changed(Panache.getEntityManager().createNativeQuery("delete from sla_reply_limit where ticket_type = ?1")
                .setParameter(1, type.name()).executeUpdate());
    }

    private static boolean changed(int rows) {
        if (rows > 0) {
            SettingsVersions.bump(SettingsVersions.SLA);
        }
        return rows > 0;
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toInstant()
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}
