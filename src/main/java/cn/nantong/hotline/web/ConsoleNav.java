package cn.nantong.hotline.web;

import cn.nantong.hotline.identity.Role;

import java.util.List;
import java.util.stream.Stream;

/** Which console each role works in, what the role is called in Chinese, and the links its top bar offers. */
public final class ConsoleNav {

    private ConsoleNav() {
    }

    /** One top-bar link; {@code current} marks the page being shown. */
    public record Link(String path, String label, boolean current) {
    }

    public static String label(Role role) {
        return switch (role) {
            case AGENT -> "接线员";
            case DEPARTMENT -> "承办单位经办人";
            case COORDINATOR -> "便民服务中心协调员";
            case KB_EDITOR -> "热线百科编辑";
            case ADMIN -> "系统管理员";
        };
    }

    /** Where {@code /console} sends a person of this role. */
    public static String home(Role role) {
        return switch (role) {
            case AGENT -> "/console/agent";
            case DEPARTMENT -> "/console/department";
            case COORDINATOR -> "/console/coordinator";
            case KB_EDITOR -> "/console/editor";
            case ADMIN -> "/console/admin";
        };
    }

    /** A role's own console first; an administrator may open every console, so sees them all. */
    public static List<Link> links(Role role, String currentPath) {
        List<Role> shown = role == Role.ADMIN
                ? List.of(Role.ADMIN, Role.AGENT, Role.DEPARTMENT, Role.COORDINATOR, Role.KB_EDITOR)
                : List.of(role);
        return Stream.concat(
                        shown.stream().map(r -> new Link(home(r), title(r), home(r).equals(currentPath))),
                        Stream.of(new Link("/", "热线百科（公众版）", false)))
                .toList();
    }

    /** The name of a role's console, as its page title and link text. */
    public static String title(Role role) {
        return switch (role) {
            case AGENT -> "接听台";
            case DEPARTMENT -> "承办工作台";
            case COORDINATOR -> "督办台";
            case KB_EDITOR -> "百科维护";
            case ADMIN -> "系统管理";
        };
    }
}
