package io.helpdeskverify.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The chart under deploy/helm, through Helm itself (helm-java bundles Helm's Go code as a native
 * library, so this is {@code helm lint} and {@code helm template}, values.schema.json included,
 * without a helm binary or a cluster). Every rendered manifest must read strictly into
 * Kubernetes' typed models ({@link RenderedManifests}); then the promises of the chart are checked
 * on those models: replicas, probes, the disruption budget, credentials only from the Secret, and
 * the image's own start.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm/helpdesk-verify");
    private static final Path TEST_VALUES = Path.of("src/test/resources");
    private static final String RELEASE = "hv";
    private static final String FULL_NAME = "hv-helpdesk-verify";

    /** The credentials the chart promises to take from the Secret only (docs/operations.md, Kubernetes). */
    private static final Set<String> CREDENTIALS = Set.of(
            "HELPDESK_SECRET", "ADMIN_API_TOKEN",
            "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN",
            "MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID",
            "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN",
            "SMTP_USERNAME", "SMTP_PASSWORD",
            "GRAPH_CLIENT_SECRET", "GRAPH_CERTIFICATE_PASSWORD",
            "CONNECTWISE_COMPANY_ID", "CONNECTWISE_PUBLIC_KEY", "CONNECTWISE_PRIVATE_KEY", "CONNECTWISE_CLIENT_ID",
            "AUTOTASK_USERNAME", "AUTOTASK_SECRET", "AUTOTASK_INTEGRATION_CODE");

    @Test
    void lintPassesStrictly() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
    }

    @Test
    void defaultsRenderTwoProbedReplicasWithABudget() {
        RenderedManifests rendered = render(t -> t);

        assertThat(rendered.kinds()).containsExactlyInAnyOrder(
                "ServiceAccount", "Secret", "Service", "Deployment", "PodDisruptionBudget");
        Deployment deployment = rendered.one(Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();

        Container bot = bot(deployment);
        assertThat(bot.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(3978);
        });
        assertThat(env(bot)).containsEntry("SERVER_PORT", "3978");
        assertActuatorProbe(bot.getReadinessProbe(), "/actuator/health/readiness");
        assertActuatorProbe(bot.getLivenessProbe(), "/actuator/health/liveness");
        assertActuatorProbe(bot.getStartupProbe(), "/actuator/health/liveness");

        PodDisruptionBudget budget = rendered.one(PodDisruptionBudget.class);
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        Service service = rendered.one(Service.class);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
        assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo(rendered.one(ServiceAccount.class).getMetadata().getName());

        assertThat(rendered.optional(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(rendered.optional(Ingress.class)).isEmpty();
    }

    @Test
    void theImagesClassDataSharingStartIsTheStart() throws IOException {
        // The chart promises the image's start; the image's start is the CDS archive.
        String dockerfile = Files.readString(Path.of("../Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^ENTRYPOINT \\[.*\"-XX:SharedArchiveFile=/app/bot-app.jsa\".*\"-jar\", \"/app/bot-app.jar\"\\]$");

        Container bot = bot(render(t -> t).one(Deployment.class));

        assertThat(bot.getCommand()).as("command replaces the ENTRYPOINT").isEmpty();
        assertThat(bot.getArgs()).as("args replace the ENTRYPOINT's CMD").isEmpty();
        assertThat(env(bot)).doesNotContainKeys("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
        assertThat(bot.getImage()).isEqualTo("helpdesk-verify:0.1.0");
    }

    @Test
    void runsAsNonRootOnAReadOnlyRootWithResourcesAndAGraceLongerThanTheApps() {
        Deployment deployment = render(t -> t).one(Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container bot = bot(deployment);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(bot.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(bot.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(bot.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();

        Map<String, String> mounts = bot.getVolumeMounts().stream()
                .collect(Collectors.toMap(VolumeMount::getMountPath, VolumeMount::getName));
        Map<String, Volume> volumes = pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
        String dataDir = env(bot).get("HELPDESK_DATA_DIR");
        assertThat(mounts).containsKeys("/tmp", dataDir);
        assertThat(volumes.get(mounts.get("/tmp")).getEmptyDir()).isNotNull();
        assertThat(volumes.get(mounts.get(dataDir)).getEmptyDir()).isNotNull();

        assertThat(bot.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(bot.getResources().getLimits()).containsKeys("cpu", "memory");

        long appGrace = Duration.parse("PT" + env(bot).get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE").toUpperCase()).toSeconds();
        long preStop = Long.parseLong(bot.getLifecycle().getPreStop().getExec().getCommand().get(1));
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(appGrace + preStop);
    }

    @Test
    void everyCredentialComesFromTheSecretAndNoneIsInTheDeployment() {
        RenderedManifests rendered = render(t -> t.withValuesFile(TEST_VALUES.resolve("values-credentials.yaml")));
        Deployment deployment = rendered.one(Deployment.class);
        Container bot = bot(deployment);
        Secret secret = rendered.one(Secret.class);

        Set<String> fromSecret = new HashSet<>();
        for (EnvVar variable : bot.getEnv()) {
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo(secret.getMetadata().getName());
                assertThat(variable.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(variable.getName());
                fromSecret.add(variable.getName());
            }
        }
        assertThat(fromSecret).containsAll(CREDENTIALS).contains("REDIS_PASSWORD");
        assertThat(env(bot)).as("set as plain values").doesNotContainKeys(CREDENTIALS.toArray(String[]::new));
        assertThat(env(bot)).containsEntry("HELPDESK_MSP_NAME", "Acme IT").containsEntry("SLACK_UPDATES_PER_MINUTE", "40")
                .containsEntry("FIREBASE_CREDENTIALS", "/run/secrets/helpdesk/firebase-credentials.json");
        assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes()).filteredOn(v -> v.getSecret() != null)
                .singleElement().satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo(secret.getMetadata().getName()));

        String deploymentJson = rendered.jsonOf(Deployment.class);
        assertThat(secret.getData()).isNotEmpty();
        secret.getData().forEach((key, encoded) -> assertThat(deploymentJson)
                .as("the Deployment holds the value of the Secret's %s", key)
                .doesNotContain(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8))
                .doesNotContain(encoded));
        assertThat(rendered.jsonOf(Service.class) + rendered.jsonOf(ServiceAccount.class))
                .doesNotContain("test-", "xoxb-");
    }

    @Test
    void theTwoRequiredCredentialsAreNeverInventedAndAnExistingSecretIsOnlyReferenced() {
        assertThatThrownBy(() -> RenderedManifests.read(template().call()))
                .hasMessageContaining("secrets.HELPDESK_SECRET is required");
        assertThat(render(t -> t).one(Secret.class).getData()).containsOnlyKeys("HELPDESK_SECRET", "ADMIN_API_TOKEN");

        RenderedManifests existing = RenderedManifests.read(template().set("existingSecret", "made-elsewhere").call());
        assertThat(existing.optional(Secret.class)).isEmpty();
        assertThat(bot(existing.one(Deployment.class)).getEnv())
                .filteredOn(v -> v.getValueFrom() != null)
                .allSatisfy(v -> assertThat(v.getValueFrom().getSecretKeyRef().getName()).isEqualTo("made-elsewhere"));
    }

    @Test
    void autoscalerAndIngressWhenAskedFor() {
        RenderedManifests rendered = render(t -> t.withValuesFile(TEST_VALUES.resolve("values-scale.yaml")));
        Deployment deployment = rendered.one(Deployment.class);

        HorizontalPodAutoscaler autoscaler = rendered.one(HorizontalPodAutoscaler.class);
        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(autoscaler.getSpec().getMetrics()).singleElement()
                .satisfies(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
        assertThat(deployment.getSpec().getReplicas()).as("the autoscaler owns the count").isNull();

        Ingress ingress = rendered.one(Ingress.class);
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isEqualTo("verify.msp.example");
            assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                assertThat(path.getBackend().getService().getName()).isEqualTo(rendered.one(Service.class).getMetadata().getName());
                assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(80);
            });
        });
        assertThat(rendered.one(PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        assertThat(rendered.optional(Secret.class)).as("existingSecret").isEmpty();
    }

    @Test
    void redisUrlGetsThePasswordFromTheSecretAtStart() {
        Container bot = bot(render(t -> t.set("redis.url", "rediss://redis.cache:6380/2").set("redis.auth.enabled", true))
                .one(Deployment.class));

        List<String> names = bot.getEnv().stream().map(EnvVar::getName).toList();
        assertThat(env(bot)).containsEntry("REDIS_URL", "rediss://:$(REDIS_PASSWORD)@redis.cache:6380/2");
        // Kubernetes expands $(VAR) only from variables listed before.
        assertThat(names.indexOf("REDIS_PASSWORD")).isNotNegative().isLessThan(names.indexOf("REDIS_URL"));
        assertThat(names).doesNotContain("REDIS_SENTINEL_MASTER", "REDIS_SENTINEL_NODES", "REDIS_CLUSTER_NODES");

        Container plain = bot(render(t -> t).one(Deployment.class));
        assertThat(env(plain)).containsEntry("REDIS_URL", "redis://redis:6379");
        assertThat(plain.getEnv()).extracting(EnvVar::getName).doesNotContain("REDIS_PASSWORD");
    }

    @Test
    void sentinel() {
        Container bot = bot(render(t -> t.withValuesFile(TEST_VALUES.resolve("values-sentinel.yaml"))).one(Deployment.class));

        assertThat(env(bot))
                .containsEntry("REDIS_SENTINEL_MASTER", "helpdesk")
                .containsEntry("REDIS_SENTINEL_NODES", "sentinel-0.sentinel:26379,sentinel-1.sentinel:26379,sentinel-2.sentinel:26379")
                .doesNotContainKeys("REDIS_URL", "REDIS_CLUSTER_NODES");
        assertThat(secretKeys(bot)).contains("REDIS_PASSWORD", "REDIS_SENTINEL_PASSWORD");
    }

    @Test
    void cluster() {
        Container bot = bot(render(t -> t.withValuesFile(TEST_VALUES.resolve("values-cluster.yaml"))).one(Deployment.class));

        assertThat(env(bot))
                .containsEntry("REDIS_CLUSTER_NODES",
                        "redis-cluster-0.redis-cluster:6379,redis-cluster-1.redis-cluster:6379,redis-cluster-2.redis-cluster:6379")
                .doesNotContainKeys("REDIS_URL", "REDIS_SENTINEL_MASTER", "REDIS_SENTINEL_NODES");
        assertThat(secretKeys(bot)).contains("REDIS_PASSWORD").doesNotContain("REDIS_SENTINEL_PASSWORD");
    }

    @Test
    void valuesThatWouldLeakOrBreakAreRefused() {
        // values.schema.json: a credential among the plain settings, a password in the URL, one replica.
        assertRefused(t -> t.set("env.SLACK_BOT_TOKEN", "xoxb-1"), "invalid propertyName 'SLACK_BOT_TOKEN'");
        assertRefused(t -> t.set("env.REDIS_URL", "redis://other:6379"), "invalid propertyName 'REDIS_URL'");
        assertRefused(t -> t.set("redis.url", "redis://:hunter2@redis:6379"), "at '/redis/url'");
        assertRefused(t -> t.set("replicaCount", 1), "at '/replicaCount'");
        assertRefused(t -> t.set("secrets.SLACK_TOKEN", "x"), "invalid propertyName 'SLACK_TOKEN'");
        assertRefused(t -> t.set("redis.mode", "sentinel"), "at '/redis/sentinel/nodes'");
        // The template: Kubernetes would kill the JVM in the middle of its graceful shutdown.
        assertRefused(t -> t.set("terminationGracePeriodSeconds", 30), "terminationGracePeriodSeconds");
    }

    @Test
    void theSchemaRefusesAsPlainSettingsEveryCredentialTheDeploymentReadsFromTheSecret() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(CHART.resolve("values.schema.json").toFile());
        Set<String> refusedInEnv = StreamSupport.stream(
                        schema.at("/properties/env/propertyNames/not/enum").spliterator(), false)
                .map(JsonNode::asText).collect(Collectors.toSet());
        Set<String> secretKeysInSchema = StreamSupport.stream(
                        schema.at("/properties/secrets/propertyNames/enum").spliterator(), false)
                .map(JsonNode::asText).collect(Collectors.toSet());

        Set<String> readFromSecret = secretKeys(bot(render(t -> t.withValuesFile(TEST_VALUES.resolve("values-sentinel.yaml")))
                .one(Deployment.class)));

        assertThat(refusedInEnv).containsAll(readFromSecret);
        assertThat(secretKeysInSchema).containsAll(readFromSecret);
    }

    /** helm template with the two required credentials and then the test's values. */
    private static RenderedManifests render(UnaryOperator<TemplateCommand> values) {
        return RenderedManifests.read(values.apply(template().withValuesFile(TEST_VALUES.resolve("values-required.yaml"))).call());
    }

    private static TemplateCommand template() {
        return new Helm(CHART).template().withName(RELEASE).withNamespace("helpdesk").withKubeVersion("1.30.0");
    }

    private static void assertRefused(UnaryOperator<TemplateCommand> values, String named) {
        assertThatThrownBy(() -> render(values)).hasMessageContaining(named);
    }

    private static Container bot(Deployment deployment) {
        assertThat(deployment.getMetadata().getName()).isEqualTo(FULL_NAME);
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    /** The variables with a plain value. */
    private static Map<String, String> env(Container container) {
        return container.getEnv().stream().filter(v -> v.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    private static Set<String> secretKeys(Container container) {
        return container.getEnv().stream()
                .filter(v -> v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null)
                .map(EnvVar::getName).collect(Collectors.toSet());
    }

    private static void assertActuatorProbe(Probe probe, String path) {
        assertThat(probe).as("probe on %s", path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }
}
