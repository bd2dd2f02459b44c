package cn.nantong.hotline.identity;

import cn.nantong.hotline.audit.AuditLog;
import cn.nantong.hotline.common.Problem;
import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.common.SettingsVersions;
import cn.nantong.hotline.directory.Directory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The administrator's work on accounts: create, change role and department, disable and enable, reset the
 * password. Each change commits with its audit entry (never a password) and counts at once on the next request
 * of the account ({@link AccountChanges}).
 */
@ApplicationScoped
public class AccountAdmin {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");
    static final int DISPLAY_NAME_MAX = 100;

    private final Directory directory;
    private final AuditLog audit;
    private final AccountChanges changes;
    private final Clock clock;

    AccountAdmin(Directory directory, AuditLog audit, AccountChanges changes, Clock clock) {
        this.directory = directory;
        this.audit = audit;
        this.changes = changes;
        this.clock = clock;
    }

    /** An account as the admin console shows it; never the hash. */
    public record AccountView(String username, String displayName, String role, String department,
                              String departmentName, boolean disabled, Instant createdAt) {
    }

    public record NewAccount(String username, String displayName, String role, String department, String password) {
    }

    public record AccountChange(String displayName, String role, String department) {
    }

    /** Accounts in username order; {@code role} and {@code department} filter when given. */
    public List<AccountView> list(String role, String department) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (role != null && !role.isBlank()) {
            where.append(" and role = :role");
            params.put("role", roleOf("role", role).name());
        }
        if (department != null && !department.isBlank()) {
            directory.requireDepartment("department", department.strip());
            where.append(" and departmentCode = :department");
            params.put("department", department.strip());
        }
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>find(where.toString(),
                Sort.ascending("username"), params).list().stream().map(this::view).toList());
    }

    public AccountView create(NewAccount request, String actor) {
        Checks checks = new Checks();
        String username = request.username() == null ? "" : request.username().strip();
        checks.require(USERNAME.matcher(username).matches(), "username",
                "用户名为 3–64 位字母、数字或 . _ -，以字母或数字开头。");
        String displayName = displayName(checks, request.displayName());
        Role role = checks.role(request.role());
        String department = checks.department(role, request.department());
        PasswordRule.weakness(username, request.password()).ifPresent(w -> checks.add("password", w));
        checks.throwIfAny();
        AccountView created = inTransaction(() -> {
            if (Account.byUsername(username).isPresent()) {
                throw new ProblemException(409, "duplicate-username", "Conflict", "用户名 " + username + " 已被使用。",
                        List.of(new Problem.FieldError("username", "用户名 " + username + " 已被使用。")));
            }
            Account a = Account.create(username, request.password(), role, department, displayName, clock.instant());
            a.persist();
            audit.record(actor, "account.create", username, null, describe(role, department));
            return view(a);
        });
        changes.changed(username);
        return created;
    }

    public AccountView update(String username, AccountChange request, String actor) {
        Checks checks = new Checks();
        String displayName = displayName(checks, request.displayName());
        Role role = checks.role(request.role());
        String department = checks.department(role, request.department());
        checks.throwIfAny();
        AccountView updated = inTransaction(() -> {
            Account a = existing(username);
            if (username.equals(actor) && role != Role.ADMIN) {
                throw ProblemException.badRequest("role", "不能取消自己的系统管理员角色，以免无人管理系统。");
            }
            String before = describe(Role.valueOf(a.role), a.departmentCode);
            a.assign(role, department);
            a.displayName = displayName;
            String after = describe(role, department);
            audit.record(actor, "account.update", username, null,
                    before.equals(after) ? "显示名称" : before + " → " + after);
            return view(a);
        });
        changes.changed(username);
        return updated;
    }

    public AccountView setDisabled(String username, boolean disabled, String actor) {
        AccountView changed = inTransaction(() -> {
            Account a = existing(username);
            if (disabled && username.equals(actor)) {
                throw ProblemException.conflict("不能停用自己正在使用的账号。");
            }
            a.disabled = disabled;
            audit.record(actor, disabled ? "account.disable" : "account.enable", username, null, null);
            return view(a);
        });
        changes.changed(username);
        return changed;
    }

    public void resetPassword(String username, String password, String actor) {
        PasswordRule.weakness(username, password).ifPresent(w -> {
            throw ProblemException.badRequest("password", w);
        });
        inTransaction(() -> {
            existing(username).setPassword(password);
            audit.record(actor, "account.reset-password", username, null, null);
            return null;
        });
        changes.changed(username);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            T result = work.get();
            SettingsVersions.bump(SettingsVersions.ACCOUNTS);
            return result;
        });
    }

    private static Account existing(String username) {
        return Account.byUsername(username).orElseThrow(() -> ProblemException.notFound("没有用户名为 " + username + " 的账号。"));
    }

    private String describe(Role role, String department) {
        return department == null ? "角色 " + role.name() : "角色 " + role.name() + "，部门 " + department;
    }

    private AccountView view(Account a) {
        return new AccountView(a.username, a.displayName, a.role, a.departmentCode,
                a.departmentCode == null ? null : directory.name(a.departmentCode), a.disabled, a.createdAt);
    }

    private static String displayName(Checks checks, String text) {
        String name = text == null ? "" : text.strip();
        checks.require(!name.isEmpty() && name.length() <= DISPLAY_NAME_MAX, "displayName",
                "请填写显示名称（最多 " + DISPLAY_NAME_MAX + " 个字）。");
        return name;
    }

    private static Role roleOf(String field, String text) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(text.strip())).findFirst()
                .orElseThrow(() -> ProblemException.badRequest(field, "未知的角色 '" + text + "'，可选 "
                        + Arrays.toString(Role.values()) + "。"));
    }

    /** Collects every invalid field of a form, so the console marks them all at once. */
    private final class Checks {
        private final List<Problem.FieldError> errors = new ArrayList<>();

        void add(String field, String message) {
            errors.add(new Problem.FieldError(field, message));
        }

        void require(boolean ok, String field, String message) {
            if (!ok) {
                add(field, message);
            }
        }

        Role role(String text) {
            if (text == null || text.isBlank()) {
                add("role", "请选择角色。");
                return null;
            }
            try {
                return roleOf("role", text);
            } catch (ProblemException e) {
                add("role", e.getMessage());
                return null;
            }
        }

        /** Required for a DEPARTMENT account and refused for every other role, as the database demands. */
        String department(Role role, String text) {
            String code = text == null || text.isBlank() ? null : text.strip();
            if (role == Role.DEPARTMENT && code == null) {
                add("department", "承办单位账号须选择所属部门。");
            } else if (role != null && role != Role.DEPARTMENT && code != null) {
                add("department", "只有承办单位账号属于部门，其他角色不能选择部门。");
            } else if (code != null && !directory.isDepartment(code)) {
                add("department", "未知的部门代码 '" + code + "'，可选值见 /api/departments。");
            }
            return code;
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ProblemException(400, "invalid-input", "Invalid input",
                        String.join(" ", errors.stream().map(Problem.FieldError::message).toList()), errors);
            }
        }
    }
}
