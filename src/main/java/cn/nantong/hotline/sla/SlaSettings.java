package cn.nantong.hotline.sla;

import cn.nantong.hotline.common.SettingsVersions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The rules new deadlines use right now: configuration plus the administrator's overrides from the database.
 * Rebuilt on this instance right after a change; every instance polls the change counter (every
 * {@code hotline.settings.check-interval}) and rebuilds when it moved, so the others follow within seconds. Deadlines
 * already set are not recomputed.
 */
@ApplicationScoped
public class SlaSettings {

    private final SlaConfig config;
    private final List<SpecialDay> configuredDays;
    private volatile Loaded loaded;

    private record Loaded(long version, SlaOverrides overrides, SlaRules rules) {
    }

    SlaSettings(SlaConfig config) {
        this.config = config;
        this.configuredDays = SlaSetup.configuredDays(config);
    }

    public SlaRules rules() {
        return current().rules();
    }

    public SlaOverrides overrides() {
        return current().overrides();
    }

    /** The dates of the bundled calendar and the operator's file, before the administrator's overrides. */
    public List<SpecialDay> configuredDays() {
        return configuredDays;
    }

    /** Reads the overrides again; call after a change committed. */
    public void reload() {
        loaded = QuarkusTransaction.requiringNew().call(() -> {
            long version = SettingsVersions.read(SettingsVersions.SLA);
            SlaOverrides overrides = SlaOverrideStore.load();
            return new Loaded(version, overrides, SlaRules.of(config, configuredDays, overrides));
        });
    }

    @Scheduled(every = "${hotline.settings.check-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pollForChanges() {
        Loaded now = loaded;
        long version = QuarkusTransaction.requiringNew().call(() -> SettingsVersions.read(SettingsVersions.SLA));
        if (now == null || now.version() != version) {
            reload();
        }
    }

    private Loaded current() {
        Loaded now = loaded;
        if (now == null) {
            reload();
            now = loaded;
        }
        return now;
    }
}
