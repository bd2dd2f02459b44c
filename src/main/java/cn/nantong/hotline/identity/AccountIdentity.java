package cn.nantong.hotline.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The security identity of an account, the same whether it logged in by password or by session cookie. */
final class AccountIdentity {

    private AccountIdentity() {
    }

    static SecurityIdentity of(Account account) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username))
                .addRole(account.role)
                // The consoles' top bar shows it on every page, also where no database call may block.
                .addAttribute(CurrentUser.DISPLAY_NAME_ATTRIBUTE, account.displayName);
        if (account.departmentCode != null) {
            // Carried on the identity so that no request has to look the account up again.
            identity.addAttribute(CurrentUser.DEPARTMENT_ATTRIBUTE, account.departmentCode);
        }
        return identity.build();
    }
}
