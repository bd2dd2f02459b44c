package cn.nantong.hotline.kb;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the index is built: a load balancer must not send searches to an empty index. */
@Readiness
@ApplicationScoped
public class KbIndexReadiness implements HealthCheck {

    private final KbIndexService indexService;

    KbIndexReadiness(KbIndexService indexService) {
        this.indexService = indexService;
    }

    @Override
    public HealthCheckResponse call() {
        boolean ready = indexService.isReady();
        return HealthCheckResponse.named("knowledge-base-index")
                .status(ready)
                .withData("entries", ready ? indexService.index().size() : 0)
                .build();
    }
}
