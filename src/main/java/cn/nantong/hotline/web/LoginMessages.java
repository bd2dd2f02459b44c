package cn.nantong.hotline.web;

import cn.nantong.hotline.identity.LoginThrottledException;
import cn.nantong.hotline.identity.OidcRoleAugmentor;

/** What the login page says after a refused login; the reason arrives as a query parameter of the redirect. */
final class LoginMessages {

    /** The form login's error page (quarkus.http.auth.form.error-page): wrong username or password. */
    static final String CREDENTIALS = "credentials";
    /** The error-page reason set by {@link LoginRedirects} when the throttle refused the attempt. */
    static final String LOCKED = "locked";
    /** The provider signed the person in, but their token maps to none of our roles. */
    static final String PROVIDER_ROLE = OidcRoleAugmentor.REFUSED_REASON;
    /** Set by {@link LoginRedirects} when the way back from the provider failed. */
    static final String PROVIDER = "provider";

    private LoginMessages() {
    }

    static String error(String reason, Integer minutes) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case CREDENTIALS -> "用户名或密码不正确，请重新输入。多次输错将暂停登录一段时间。";
            // The minutes come from the redirect and may be edited by hand: only a plausible number is shown.
            case LOCKED -> LoginThrottledException.message(minutes == null ? 15 : Math.max(1, Math.min(minutes, 24 * 60)));
            case PROVIDER_ROLE -> "统一身份认证已确认您的身份，但您的账号没有本系统的工作台角色（或所属承办单位无效），"
                    + "无法进入工作台。请联系系统管理员开通。";
            // Any other reason is the provider's own OAuth error code (access_denied when the person cancelled),
            // passed on by Quarkus' error path (quarkus.oidc.authentication.error-path).
            default -> "统一身份认证登录未完成，请重试；如仍无法登录，请联系系统管理员。";
        };
    }
}
