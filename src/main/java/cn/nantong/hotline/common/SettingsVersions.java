package cn.nantong.hotline.common;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Change counters in {@code settings_version}, one per group of settings that every instance keeps in memory
 * (accounts, time limits). A change bumps its counter in its own transaction; each instance polls the counter
 * and reloads when it moved, so an edit on one instance reaches the others within one polling interval.
 */
public final class SettingsVersions {

    public static final String ACCOUNTS = "accounts";
    public static final String SLA = "sla";

    private SettingsVersions() {
    }

    /** Counts a change; call inside the transaction that makes it. */
    public static void bump(String name) {
        Panache.getEntityManager().createNativeQuery("update settings_version set version = version + 1 where name = ?1")
                .setParameter(1, name).executeUpdate();
    }

    /** The counter as committed now; needs a transaction. */
    public static long read(String name) {
        return ((Number) Panache.getEntityManager()
                .createNativeQuery("select version from settings_version where name = ?1")
                .setParameter(1, name).getSingleResult()).longValue();
    }
}
