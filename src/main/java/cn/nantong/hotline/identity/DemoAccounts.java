package cn.nantong.hotline.identity;

import cn.nantong.hotline.directory.Directory;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Creates the demo accounts listed in README on the embedded default only. {@code hotline.demo.enabled} is
 * set by the launcher when it embeds PostgreSQL; an external database never gets them.
 */
@ApplicationScoped
public class DemoAccounts {

    public static final String DEMO_PASSWORD = "demo12345";
    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);

    private final Directory directory;
    private final Clock clock;
    private final boolean enabled;

    DemoAccounts(Directory directory, Clock clock,
                 @ConfigProperty(name = "hotline.demo.enabled", defaultValue = "false") boolean enabled) {
        this.directory = directory;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Transactional
    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (!enabled) {
            return;
        }
        int created = 0;
        created += ensure("admin", Role.ADMIN, null, "系统管理员");
        created += ensure("agent1", Role.AGENT, null, "接线员一号");
        created += ensure("coord1", Role.COORDINATOR, null, "便民服务中心协调员");
        created += ensure("editor1", Role.KB_EDITOR, null, "热线百科编辑");
        for (Directory.DepartmentView d : directory.departments()) {
            created += ensure("dept-" + d.code(), Role.DEPARTMENT, d.code(), d.name() + "经办人");
        }
        if (created > 0) {
            LOG.infof("Created %d demo accounts (password %s) — embedded default only", created, DEMO_PASSWORD);
        }
    }

    private int ensure(String username, Role role, String department, String displayName) {
        if (Account.byUsername(username).isPresent()) {
            return 0;
        }
        Account.create(username, DEMO_PASSWORD, role, department, displayName, clock.instant()).persist();
        return 1;
    }
}
