package cn.nantong.hotline.ticket;

import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.identity.Role;

/**
 * Who is acting and what they may see: a department user sees only tickets ever dispatched to their
 * department; everyone else with ticket rights sees all.
 */
public record Access(String username, Role role, String department) {

    public boolean isDepartment() {
        return role == Role.DEPARTMENT;
    }

    /** The department this user acts for; refused for roles that act for none. */
    public String actingDepartment() {
        if (!isDepartment()) {
            throw ProblemException.forbidden("只有承办单位账号可以执行此操作。");
        }
        return department;
    }
}
