package cn.nantong.hotline.repeat;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static cn.nantong.hotline.support.Tickets.intake;
import static cn.nantong.hotline.support.Tickets.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The candidate look-up's database side: what it finds, and that it is planned once rather than at every call. */
@QuarkusTest
class CandidateQueryTest {

    @Test
    void theLookUpKeepsOneGenericPlanAndLeavesTheSettingAsItWas() {
        long older = intake(report("COMPLAINT", "13700150001", "如皋市", "如皋市晓星路27号",
                "晓星路27号门口的窨井盖破了一个大洞，晚上看不见很危险。")).getLong("id");
        long newer = intake(report("COMPLAINT", "13700150002", "如皋市", "如皋市晓星路27号",
                "晓星路27号那个窨井盖还是坏的，有人差点踩进去。")).getLong("id");
        String placeKey = QuarkusTransaction.requiringNew().call(() ->
                (String) Panache.getEntityManager().createNativeQuery(
                        "select place_key from repeat_place_key where ticket_id = ?1 order by place_key limit 1")
                        .setParameter(1, newer).getSingleResult());
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            Session session = Panache.getEntityManager().unwrap(Session.class);
            // Each of the two texts (with and without locks) more often on one connection than the driver's threshold
            // for preparing a statement on the server (5).
            for (int i = 0; i < 12; i++) {
                List<Long> ids = CandidateQuery.ids(session, i % 2 == 0 ? "{" + (12345 + i) + "}" : null,
                        List.of(placeKey, "nowhere"), now.minus(90, ChronoUnit.DAYS), now.plus(1, ChronoUnit.MINUTES),
                        "no such caller", -1, RepeatService.MAX_CANDIDATES);
                assertEquals(List.of(newer, older), ids.subList(0, 2), "the newest report sharing the place first");
            }
            Object[] plans = (Object[]) Panache.getEntityManager().createNativeQuery("""
                    select coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0) from pg_prepared_statements
                    where statement like '%from repeat_place_key%'""").getSingleResult();
            assertTrue(((Number) plans[0]).longValue() >= 1, "generic plans: " + plans[0]);
            assertEquals(0L, ((Number) plans[1]).longValue(), "custom plans");
            assertEquals("auto", Panache.getEntityManager().createNativeQuery("show plan_cache_mode").getSingleResult());
        });
    }
}
