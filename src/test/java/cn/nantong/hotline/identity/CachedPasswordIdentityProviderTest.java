package cn.nantong.hotline.identity;

import cn.nantong.hotline.support.AtOnce;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.nantong.hotline.support.Api.anonymous;
import static cn.nantong.hotline.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CachedPasswordIdentityProviderTest {

    @Inject
    CachedPasswordIdentityProvider provider;

    @Test
    void aVerifiedPasswordIsCheckedWithBcryptOnceAndAWrongOneAlways() {
        as("editor1").when().get("/api/me").then().statusCode(200);
        long before = provider.bcryptChecks();
        for (int i = 0; i < 5; i++) {
            as("editor1").when().get("/api/me").then().statusCode(200);
        }
        assertEquals(before, provider.bcryptChecks(), "repeated requests are answered from memory");
        for (int i = 0; i < 2; i++) {
            anonymous().auth().preemptive().basic("editor1", "not-the-password").when().get("/api/me")
                    .then().statusCode(401);
        }
        assertEquals(before + 2, provider.bcryptChecks(), "a wrong password is never cached");
    }

    /** When the memory of a busy client's password lapses, its requests in flight share one bcrypt check. */
    @Test
    void concurrentRequestsShareOneBcryptCheck() throws Exception {
        provider.forgetAll();
        long before = provider.bcryptChecks();
        int clients = 8;
        assertEquals(List.of(200), AtOnce.run(clients, () -> as("agent1").when().get("/api/me").statusCode()).stream()
                .distinct().toList());
        assertEquals(before + 1, provider.bcryptChecks(), "one bcrypt check for all " + clients + " requests");
    }
}
