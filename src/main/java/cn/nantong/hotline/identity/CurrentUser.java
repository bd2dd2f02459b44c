package cn.nantong.hotline.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The logged-in person of this request: name for timelines, role and department for access checks. */
@RequestScoped
public class CurrentUser {

    /** The identity attribute holding a DEPARTMENT account's department code. */
    public static final String DEPARTMENT_ATTRIBUTE = "department";
    /** The identity attribute holding the account's display name. */
    public static final String DISPLAY_NAME_ATTRIBUTE = "displayName";

    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String username() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The name people see, such as 接线员一号; the username when the identity carries none. */
    public String displayName() {
        String name = identity.getAttribute(DISPLAY_NAME_ATTRIBUTE);
        return name != null ? name : username();
    }

    /** The account's one role. */
    public Role role() {
        return Role.valueOf(identity.getRoles().iterator().next());
    }

    /** The department a DEPARTMENT account belongs to; null for other roles. */
    public String department() {
        return identity.getAttribute(DEPARTMENT_ATTRIBUTE);
    }

    public boolean hasRole(Role role) {
        return identity.hasRole(role.name());
    }
}
