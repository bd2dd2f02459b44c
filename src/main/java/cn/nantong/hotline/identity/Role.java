package cn.nantong.hotline.identity;

/** What an account may do. Names are used verbatim as security roles in {@code @RolesAllowed}. */
public enum Role {
    /** 接线员: answers calls, records tickets. */
    AGENT,
    /** 承办单位经办人: handles the tickets dispatched to one department. */
    DEPARTMENT,
    /** 便民服务中心协调员: supervises repeat and cross-department matters. */
    COORDINATOR,
    /** 热线百科编辑: maintains the knowledge base. */
    KB_EDITOR,
    /** 系统管理员. */
    ADMIN;

    public static final String AGENT_NAME = "AGENT";
    public static final String DEPARTMENT_NAME = "DEPARTMENT";
    public static final String COORDINATOR_NAME = "COORDINATOR";
    public static final String KB_EDITOR_NAME = "KB_EDITOR";
    public static final String ADMIN_NAME = "ADMIN";
}
