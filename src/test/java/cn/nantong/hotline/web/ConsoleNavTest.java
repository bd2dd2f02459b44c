package cn.nantong.hotline.web;

import cn.nantong.hotline.identity.Role;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsoleNavTest {

    @Test
    void eachRoleHasItsOwnConsoleAndChineseName() {
        assertEquals("/console/agent", ConsoleNav.home(Role.AGENT));
        assertEquals("/console/department", ConsoleNav.home(Role.DEPARTMENT));
        assertEquals("承办单位经办人", ConsoleNav.label(Role.DEPARTMENT));
        assertEquals(List.of(new ConsoleNav.Link("/console/editor", "百科维护", true),
                        new ConsoleNav.Link("/", "热线百科（公众版）", false)),
                ConsoleNav.links(Role.KB_EDITOR, "/console/editor"));
    }

    @Test
    void anAdministratorSeesEveryConsole() {
        assertEquals(List.of("/console/admin", "/console/agent", "/console/department", "/console/coordinator",
                        "/console/editor", "/"),
                ConsoleNav.links(Role.ADMIN, "/console/agent").stream().map(ConsoleNav.Link::path).toList());
    }
}
