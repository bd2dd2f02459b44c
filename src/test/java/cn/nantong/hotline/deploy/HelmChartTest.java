package cn.nantong.hotline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lints and renders the production Helm chart with the native Helm library (helm-java): no cluster, no Quarkus.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "hotline12345");
    private static final String JDBC_URL = "jdbc:postgresql://db.internal:5432/hotline";
    private static final String MISSING_URL_MESSAGE = "database.jdbcUrl is required";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void lintsTheShippedChart() {
        // helm lint runs templates in lint mode, where required/fail only log: the shipped values (no JDBC URL,
        // no password) lint clean, and refusesToRenderWithoutJdbcUrl covers the real render.
        assertLintsClean(CHART);
    }

    @Test
    void lintsCleanWithProductionValues(@TempDir Path tmp) throws IOException {
        // The same chart with the values an operator gives, so every template is linted past the checks.
        Path chart = copyChart(tmp, values -> values
                .replace("jdbcUrl: \"\"", "jdbcUrl: \"" + JDBC_URL + "\"")
                .replace("username: \"\"", "username: \"hotline\"")
                .replace("password: \"\"", "password: \"lint-only\"")
                .replace("  enabled: false", "  enabled: true")); // ingress and autoscaling too
        assertLintsClean(chart);
    }

    @Test
    void rendersTheProductionDeployment() throws IOException {
        List<JsonNode> docs = render(template()
                .set("database.jdbcUrl", JDBC_URL)
                .set("database.username", "hotline")
                .set("database.password", "s3cret-from-vault"));

        JsonNode deployment = only(docs, "Deployment");
        assertEquals("hotline-hotline12345", deployment.at("/metadata/name").asText());
        assertEquals(2, deployment.at("/spec/replicas").asInt());

        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertEquals("hotline12345:0.1.0", container.at("/image").asText());
        assertEquals(8080, container.at("/ports/0/containerPort").asInt());
        assertEquals("http", container.at("/ports/0/name").asText());

        // External PostgreSQL: URL from values, credentials from the chart-managed Secret.
        assertEquals(JDBC_URL, env(container, "QUARKUS_DATASOURCE_JDBC_URL").at("/value").asText());
        String secretName = "hotline-hotline12345-db";
        assertSecretRef(env(container, "QUARKUS_DATASOURCE_USERNAME"), secretName, "username");
        assertSecretRef(env(container, "QUARKUS_DATASOURCE_PASSWORD"), secretName, "password");
        assertEquals("/deployments/knowledge-base", env(container, "HOTLINE_KB_DIR").at("/value").asText());
        assertSecretRef(env(container, "HOTLINE_PRIVACY_KEY"), "hotline-privacy", "key");
        assertSecretRef(env(container, "HOTLINE_PRIVACY_HASH_KEY"), "hotline-privacy", "hash-key");
        assertSecretRef(env(container, "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"), "hotline-privacy", "session-key");
        String jvm = env(container, "JAVA_TOOL_OPTIONS").at("/value").asText();
        assertTrue(jvm.contains("-XX:MaxRAMPercentage=75.0") && jvm.contains("-XX:InitialRAMPercentage=75.0")
                && jvm.contains("-XX:+UseParallelGC"), jvm);
        assertFalse(deployment.toString().contains("s3cret-from-vault"), "the password must stay in the Secret");

        // Probes.
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("http", container.at("/readinessProbe/httpGet/port").asText());
        JsonNode startup = container.at("/startupProbe");
        assertEquals("/q/health/ready", startup.at("/httpGet/path").asText());
        assertTrue(startup.at("/failureThreshold").asInt() * startup.at("/periodSeconds").asInt() >= 180,
                "the startup probe must allow minutes for the schema migration and the index build");

        // Resources and security.
        assertFalse(container.at("/resources/requests/cpu").isMissingNode());
        assertFalse(container.at("/resources/limits/memory").isMissingNode());
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        JsonNode security = container.at("/securityContext");
        assertTrue(security.at("/runAsNonRoot").asBoolean());
        assertTrue(security.at("/readOnlyRootFilesystem").asBoolean());
        assertFalse(security.at("/allowPrivilegeEscalation").asBoolean(true));
        assertEquals("ALL", security.at("/capabilities/drop/0").asText());
        assertEquals("tmp", container.at("/volumeMounts/0/name").asText());
        assertEquals("/tmp", container.at("/volumeMounts/0/mountPath").asText());
        assertTrue(pod.at("/volumes/0/emptyDir").isObject());
        assertFalse(pod.at("/automountServiceAccountToken").asBoolean(true));

        // Prometheus scraping of /q/metrics.
        JsonNode annotations = deployment.at("/spec/template/metadata/annotations");
        assertEquals("true", annotations.at("/prometheus.io~1scrape").asText());
        assertEquals("/q/metrics", annotations.at("/prometheus.io~1path").asText());
        assertEquals("8080", annotations.at("/prometheus.io~1port").asText());

        // The Secret the chart creates from values.
        JsonNode secret = only(docs, "Secret");
        assertEquals(secretName, secret.at("/metadata/name").asText());
        assertEquals("hotline", decode(secret.at("/data/username")));
        assertEquals("s3cret-from-vault", decode(secret.at("/data/password")));

        // Service: ClusterIP 80 -> 8080 (the container port named http), selecting the pods.
        JsonNode service = only(docs, "Service");
        assertEquals("ClusterIP", service.at("/spec/type").asText());
        assertEquals(80, service.at("/spec/ports/0/port").asInt());
        assertEquals("http", service.at("/spec/ports/0/targetPort").asText());
        assertEquals(deployment.at("/spec/selector/matchLabels"), service.at("/spec/selector"));

        // Two replicas: a PodDisruptionBudget keeps one up; Ingress and HPA are off by default.
        JsonNode pdb = only(docs, "PodDisruptionBudget");
        assertEquals(1, pdb.at("/spec/minAvailable").asInt());
        assertEquals(deployment.at("/spec/selector/matchLabels"), pdb.at("/spec/selector/matchLabels"));
        assertTrue(ofKind(docs, "Ingress").isEmpty());
        assertTrue(ofKind(docs, "HorizontalPodAutoscaler").isEmpty());
    }

    @Test
    void usesAnExistingSecretAndCreatesNone() throws IOException {
        List<JsonNode> docs = render(template()
                .set("database.jdbcUrl", JDBC_URL)
                .set("database.existingSecret", "hotline-db-credentials")
                .set("database.existingSecretPasswordKey", "pg-password")
                .set("replicaCount", 1));

        JsonNode deployment = only(docs, "Deployment");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertSecretRef(env(container, "QUARKUS_DATASOURCE_USERNAME"), "hotline-db-credentials", "username");
        assertSecretRef(env(container, "QUARKUS_DATASOURCE_PASSWORD"), "hotline-db-credentials", "pg-password");
        assertTrue(ofKind(docs, "Secret").isEmpty());
        assertEquals(1, deployment.at("/spec/replicas").asInt());
        assertTrue(ofKind(docs, "PodDisruptionBudget").isEmpty(), "no PDB for a single replica");
    }

    @Test
    void rendersIngressAndAutoscalerWhenEnabled() throws IOException {
        List<JsonNode> docs = render(template()
                .set("database.jdbcUrl", JDBC_URL)
                .set("database.existingSecret", "hotline-db")
                .set("ingress.enabled", true)
                .set("ingress.className", "nginx")
                .set("ingress.hosts[0].host", "12345.nantong.example")
                .set("ingress.hosts[0].paths[0].path", "/")
                .set("ingress.tls[0].secretName", "hotline-tls")
                .set("ingress.tls[0].hosts[0]", "12345.nantong.example")
                .set("autoscaling.enabled", true)
                .set("autoscaling.minReplicas", 3)
                .set("autoscaling.maxReplicas", 8)
                .set("autoscaling.targetCPUUtilizationPercentage", 65));

        JsonNode ingress = only(docs, "Ingress");
        assertEquals("nginx", ingress.at("/spec/ingressClassName").asText());
        assertEquals("12345.nantong.example", ingress.at("/spec/rules/0/host").asText());
        JsonNode backend = ingress.at("/spec/rules/0/http/paths/0/backend/service");
        assertEquals("hotline-hotline12345", backend.at("/name").asText());
        assertEquals(80, backend.at("/port/number").asInt());
        assertEquals("hotline-tls", ingress.at("/spec/tls/0/secretName").asText());

        JsonNode hpa = only(docs, "HorizontalPodAutoscaler");
        assertEquals("autoscaling/v2", hpa.at("/apiVersion").asText());
        assertEquals("hotline-hotline12345", hpa.at("/spec/scaleTargetRef/name").asText());
        assertEquals(3, hpa.at("/spec/minReplicas").asInt());
        assertEquals(8, hpa.at("/spec/maxReplicas").asInt());
        assertEquals("cpu", hpa.at("/spec/metrics/0/resource/name").asText());
        assertEquals(65, hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt());

        // The autoscaler owns the replica count; the PDB still guards the minimum of 3.
        assertNull(only(docs, "Deployment").at("/spec").get("replicas"));
        assertEquals(1, only(docs, "PodDisruptionBudget").at("/spec/minAvailable").asInt());
    }

    @Test
    void wiresTheOidcProviderOnlyWhenEnabled() throws IOException {
        JsonNode plain = only(render(template().set("database.jdbcUrl", JDBC_URL)
                .set("database.existingSecret", "hotline-db")), "Deployment").at("/spec/template/spec/containers/0");
        assertFalse(plain.path("env").toString().contains("OIDC"), "off by default: " + plain.path("env"));

        JsonNode container = only(render(template()
                .set("database.jdbcUrl", JDBC_URL)
                .set("database.existingSecret", "hotline-db")
                .set("oidc.enabled", true)
                .set("oidc.authServerUrl", "https://sso.nantong.example/realms/hotline")
                .set("oidc.existingSecret", "hotline-oidc")
                .set("oidc.departmentClaim", "dept_code")), "Deployment").at("/spec/template/spec/containers/0");
        assertEquals("true", env(container, "QUARKUS_OIDC_TENANT_ENABLED").at("/value").asText());
        assertEquals("https://sso.nantong.example/realms/hotline",
                env(container, "QUARKUS_OIDC_AUTH_SERVER_URL").at("/value").asText());
        assertEquals("hotline12345", env(container, "QUARKUS_OIDC_CLIENT_ID").at("/value").asText());
        assertSecretRef(env(container, "QUARKUS_OIDC_CREDENTIALS_SECRET"), "hotline-oidc", "client-secret");
        assertEquals("realm_access/roles", env(container, "QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH").at("/value").asText());
        assertTrue(env(container, "HOTLINE_OIDC_ROLE_MAPPING").at("/value").asText().contains("hotline-admin=ADMIN"));
        assertEquals("dept_code", env(container, "HOTLINE_OIDC_DEPARTMENT_CLAIM").at("/value").asText());
        assertEquals("hybrid", env(container, "QUARKUS_OIDC_APPLICATION_TYPE").at("/value").asText(),
                "console sign-in beside bearer tokens");
        assertEquals("true", env(container, "QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME").at("/value").asText());

        JsonNode bearerOnly = only(render(template()
                .set("database.jdbcUrl", JDBC_URL)
                .set("database.existingSecret", "hotline-db")
                .set("oidc.enabled", true)
                .set("oidc.consoleSignIn", false)
                .set("oidc.authServerUrl", "https://sso.nantong.example/realms/hotline")), "Deployment")
                .at("/spec/template/spec/containers/0");
        assertEquals("service", env(bearerOnly, "QUARKUS_OIDC_APPLICATION_TYPE").at("/value").asText());
        assertFalse(bearerOnly.path("env").toString().contains("QUARKUS_OIDC_CREDENTIALS_SECRET"), "no client secret");
        assertFalse(bearerOnly.path("env").toString().contains("FORCE_REDIRECT"), bearerOnly.path("env").toString());

        IllegalStateException noSecret = assertThrows(IllegalStateException.class, () -> template()
                .set("database.jdbcUrl", JDBC_URL).set("database.existingSecret", "hotline-db")
                .set("oidc.enabled", true).set("oidc.authServerUrl", "https://sso.nantong.example/realms/hotline")
                .call());
        assertTrue(noSecret.getMessage().contains("oidc.existingSecret (the client secret) is required"),
                noSecret.getMessage());

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> template()
                .set("database.jdbcUrl", JDBC_URL).set("database.existingSecret", "hotline-db")
                .set("oidc.enabled", true).call());
        assertTrue(error.getMessage().contains("oidc.authServerUrl is required"), error.getMessage());
    }

    @Test
    void refusesToRenderWithoutJdbcUrl() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> template().set("database.password", "x").set("database.username", "hotline").call());
        assertTrue(error.getMessage().contains(MISSING_URL_MESSAGE), error.getMessage());
        assertTrue(error.getMessage().contains("never the embedded one"), error.getMessage());
    }

    @Test
    void refusesToRenderWithoutCredentials() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> template().set("database.jdbcUrl", JDBC_URL).set("database.username", "hotline").call());
        assertTrue(error.getMessage().contains("database.password is required unless database.existingSecret"),
                error.getMessage());
    }

    @Test
    void refusesANonPostgresqlUrl() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> template().set("database.jdbcUrl", "jdbc:mysql://db:3306/hotline")
                        .set("database.existingSecret", "hotline-db").call());
        assertTrue(error.getMessage().contains("must be a PostgreSQL JDBC URL"), error.getMessage());
    }

    private static void assertLintsClean(Path chart) {
        LintResult result = new Helm(chart).lint().strict().call();
        assertFalse(result.isFailed(), () -> "helm lint --strict failed: " + result.getMessages());
        assertTrue(result.getMessages().stream().noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]")),
                () -> "lint messages: " + result.getMessages());
    }

    private static TemplateCommand template() {
        // A current cluster version: the chart needs policy/v1 and autoscaling/v2 (kubeVersion >= 1.23).
        return new Helm(CHART).template().withName("hotline").withNamespace("hotline").withKubeVersion("1.30.0");
    }

    private static List<JsonNode> render(TemplateCommand command) throws IOException {
        String manifest = command.call();
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(manifest)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && doc.hasNonNull("kind")) {
                    docs.add(doc);
                }
            }
        }
        assertFalse(docs.isEmpty(), () -> "nothing rendered:\n" + manifest);
        return docs;
    }

    private static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    private static JsonNode only(List<JsonNode> docs, String kind) {
        List<JsonNode> found = ofKind(docs, kind);
        assertEquals(1, found.size(), () -> "expected exactly one " + kind + " in " + docs.stream()
                .map(d -> d.path("kind").asText()).toList());
        return found.get(0);
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e;
            }
        }
        throw new AssertionError("no env " + name + " in " + container.path("env"));
    }

    private static void assertSecretRef(JsonNode env, String secret, String key) {
        JsonNode ref = env.at("/valueFrom/secretKeyRef");
        assertNotNull(ref);
        assertEquals(secret, ref.at("/name").asText(), env::toString);
        assertEquals(key, ref.at("/key").asText(), env::toString);
        assertTrue(env.at("/value").isMissingNode(), "credentials must not be inlined: " + env);
    }

    private static String decode(JsonNode base64) {
        return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
    }

    /** Copies the chart into {@code tmp}, rewriting its values.yaml; fails if the rewrite changed nothing. */
    private static Path copyChart(Path tmp, UnaryOperator<String> valuesRewrite) throws IOException {
        Path target = tmp.resolve("hotline12345");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path dest = target.resolve(CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest);
                }
            }
        }
        Path values = target.resolve("values.yaml");
        String original = Files.readString(values);
        String rewritten = valuesRewrite.apply(original);
        assertFalse(original.equals(rewritten), "values.yaml rewrite matched nothing");
        for (String key : List.of("jdbcUrl", "username", "password")) {
            assertFalse(rewritten.contains(key + ": \"\""), "still empty in the lint copy: " + key);
        }
        Files.writeString(values, rewritten);
        return target;
    }
}
