package cn.nantong.hotline.identity;

import jakarta.json.JsonString;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns the roles an external OpenID Connect provider grants (read by Quarkus from
 * {@code quarkus.oidc.roles.role-claim-path}) and its department claim into the one {@link Role} and the
 * department of our model. Fails closed: a token that maps to no role, to two roles, or to DEPARTMENT without a
 * known department code is refused, since guessing would either grant more than meant or lose department scoping.
 */
public final class OidcClaimMapping {

    /** The outcome for one token: a role (and department for DEPARTMENT), or why it was refused. */
    public record Mapped(Role role, String department, String refusal) {

        static Mapped refused(String why) {
            return new Mapped(null, null, why);
        }

        public boolean accepted() {
            return refusal == null;
        }
    }

    private final Map<String, Role> roles;

    private OidcClaimMapping(Map<String, Role> roles) {
        this.roles = roles;
    }

    /**
     * Reads {@code hotline.oidc.role-mapping}: comma-separated {@code provider-role=ROLE} pairs, such as
     * {@code hotline-agent=AGENT,hotline-admin=ADMIN}. Provider role names are compared exactly.
     */
    public static OidcClaimMapping parse(String mapping) {
        Map<String, Role> roles = new LinkedHashMap<>();
        for (String pair : mapping.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("hotline.oidc.role-mapping: '" + pair.strip()
                        + "' is not of the form provider-role=ROLE");
            }
            String external = pair.substring(0, eq).strip();
            String ours = pair.substring(eq + 1).strip();
            Role role;
            try {
                role = Role.valueOf(ours);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hotline.oidc.role-mapping: unknown role '" + ours + "' for '"
                        + external + "' (one of " + EnumSet.allOf(Role.class) + ")", e);
            }
            if (roles.put(external, role) != null) {
                throw new IllegalArgumentException("hotline.oidc.role-mapping: '" + external + "' is mapped twice");
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("hotline.oidc.role-mapping maps no provider role");
        }
        return new OidcClaimMapping(Map.copyOf(roles));
    }

    /**
     * @param providerRoles  the roles Quarkus read from the token's role claim
     * @param departmentClaim the value of the department claim: a string, a JSON string or a one-element list
     * @param isDepartment   whether a code names a department of the directory
     */
    public Mapped map(Collection<String> providerRoles, Object departmentClaim, Predicate<String> isDepartment) {
        Set<Role> mapped = EnumSet.noneOf(Role.class);
        for (String r : providerRoles) {
            Role role = roles.get(r);
            if (role != null) {
                mapped.add(role);
            }
        }
        if (mapped.isEmpty()) {
            return Mapped.refused("no mapped role among " + providerRoles);
        }
        if (mapped.size() > 1) {
            return Mapped.refused("more than one role: " + mapped);
        }
        Role role = mapped.iterator().next();
        if (role != Role.DEPARTMENT) {
            return new Mapped(role, null, null);
        }
        String department = text(departmentClaim);
        if (department == null || department.isBlank()) {
            return Mapped.refused("DEPARTMENT role without a department claim");
        }
        if (!isDepartment.test(department.strip())) {
            return Mapped.refused("unknown department '" + department.strip() + "'");
        }
        return new Mapped(role, department.strip(), null);
    }

    private static String text(Object claim) {
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        if (claim instanceof CharSequence s) {
            return s.toString();
        }
        if (claim instanceof Collection<?> c && c.size() == 1) {
            return text(c.iterator().next());
        }
        return null;
    }
}
