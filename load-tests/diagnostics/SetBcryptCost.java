import io.quarkus.elytron.security.common.BcryptUtil;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * DIAGNOSTIC ONLY (what-if for the intake benchmark): re-hashes one account's password in the service's
 * <em>embedded, throw-away</em> benchmark database with another bcrypt cost, so a run shows what intake costs
 * when the per-request Basic-auth bcrypt check is cheaper. Never point this at a real database.
 *
 * <p>Usage: {@code java -cp "target/quarkus-app/lib/main/*" SetBcryptCost.java PG_PORT USER PASSWORD COST}
 */
public class SetBcryptCost {
    public static void main(String[] a) throws Exception {
        String url = "jdbc:postgresql://localhost:" + Integer.parseInt(a[0]) + "/postgres";
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             PreparedStatement ps = c.prepareStatement("update account set password_hash = ? where username = ?")) {
            ps.setString(1, BcryptUtil.bcryptHash(a[2], Integer.parseInt(a[3])));
            ps.setString(2, a[1]);
            int n = ps.executeUpdate();
            if (n != 1) {
                throw new IllegalStateException("account " + a[1] + " not found");
            }
            System.out.println("account " + a[1] + ": bcrypt cost set to " + a[3] + " (benchmark database only)");
        }
    }
}
