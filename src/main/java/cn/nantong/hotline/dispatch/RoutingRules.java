package cn.nantong.hotline.dispatch;

import io.quarkus.hibernate.orm.panache.Panache;

import java.util.List;

/** The routing_rule table: admin-editable keyword/category rules, seeded with the shipped defaults once. */
final class RoutingRules {

    private RoutingRules() {
    }

    /**
     * Seeds the shipped defaults into an empty table. An administrator who wants no rules sets their weights
     * to 0 rather than deleting them all, which would bring the defaults back on the next start.
     */
    static void seedIfEmpty() {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            em.createNativeQuery("lock table routing_rule in exclusive mode").executeUpdate();
            Number n = (Number) em.createNativeQuery("select count(*) from routing_rule").getSingleResult();
            if (n.longValue() == 0) {
                replace(DepartmentSuggester.defaultRules());
            }
        });
    }

    static List<RoutingRule> load() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                "select keyword, category, department, weight from routing_rule order by id").getResultList();
        return rows.stream().map(r -> new RoutingRule((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).doubleValue())).toList();
    }

    static void replace(List<RoutingRule> rules) {
        var em = Panache.getEntityManager();
        em.createNativeQuery("delete from routing_rule").executeUpdate();
        for (RoutingRule r : rules) {
            em.createNativeQuery("insert into routing_rule (keyword, category, department, weight) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, r.keyword()).setParameter(2, r.category()).setParameter(3, r.department())
                    .setParameter(4, r.weight()).executeUpdate();
        }
    }
}
