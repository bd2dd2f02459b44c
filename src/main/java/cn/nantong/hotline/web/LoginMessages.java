package cn.nantong.hotline.web;

import cn.nantong.hotline.identity.LoginThrottledException;

/** What the login page says after a refused login; the reason arrives as a query parameter of the redirect. */
final class LoginMessages {

    /** The error-page reason set by {@link LoginRedirects} when the throttle refused the attempt. */
    static final String LOCKED = "locked";

    private LoginMessages() {
    }

    static String error(String reason, Integer minutes) {
        if (reason == null) {
            return null;
        }
        if (LOCKED.equals(reason)) {
            // The minutes come from the redirect and may be edited by hand: only a plausible number is shown.
            return LoginThrottledException.message(minutes == null ? 15 : Math.max(1, Math.min(minutes, 24 * 60)));
        }
        return "用户名或密码不正确，请重新输入。多次输错将暂停登录一段时间。";
    }
}
