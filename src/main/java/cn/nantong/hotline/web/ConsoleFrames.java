package cn.nantong.hotline.web;

import cn.nantong.hotline.identity.CurrentUser;
import cn.nantong.hotline.identity.Role;
import jakarta.enterprise.context.RequestScoped;

/** Builds the top bar for the signed-in person: their display name, role in Chinese and the links they may use. */
@RequestScoped
public class ConsoleFrames {

    private final CurrentUser user;

    ConsoleFrames(CurrentUser user) {
        this.user = user;
    }

    public ConsoleViews.Frame frame(String title, String path) {
        return frame(title, path, true);
    }

    /** For a refusal page, which has no CSRF token to put in forms. */
    public ConsoleViews.Frame refusalFrame(String title) {
        return frame(title, "", false);
    }

    private ConsoleViews.Frame frame(String title, String path, boolean withForms) {
        Role role = user.role();
        return new ConsoleViews.Frame(title, user.displayName(), ConsoleNav.label(role), ConsoleNav.links(role, path),
                withForms);
    }

    public Role role() {
        return user.role();
    }
}
