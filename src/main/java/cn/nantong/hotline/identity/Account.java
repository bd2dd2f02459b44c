package cn.nantong.hotline.identity;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.Optional;

/** A built-in login: bcrypt hash and one role, checked by {@link CachedPasswordIdentityProvider}. */
@Entity
public class Account extends PanacheEntityBase {

    /** bcrypt cost factor: every Basic-auth request pays one check, so it trades guessing cost against latency. */
    static final int BCRYPT_COST = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String username;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public String role;

    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A disabled account can neither sign in nor keep using a session; it stays for the audit trail. */
    @Column(nullable = false)
    public boolean disabled;

    public static Account create(String username, String password, Role role, String departmentCode,
                                 String displayName, Instant now) {
        Account a = new Account();
        a.username = username;
        a.setPassword(password);
        a.assign(role, departmentCode);
        a.displayName = displayName;
        a.createdAt = now;
        return a;
    }

    /** Stores only the bcrypt hash, at the cost every account's check pays. */
    public void setPassword(String password) {
        passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
    }

    public void assign(Role role, String departmentCode) {
        if ((role == Role.DEPARTMENT) != (departmentCode != null)) {
            throw new IllegalArgumentException("a DEPARTMENT account needs exactly one department, other roles none");
        }
        this.role = role.name();
        this.departmentCode = departmentCode;
    }

    public static Optional<Account> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
