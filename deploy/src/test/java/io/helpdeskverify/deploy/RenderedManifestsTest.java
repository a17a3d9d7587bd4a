package io.helpdeskverify.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The strict reading that HelmChartTest relies on: it must refuse what the API server would. */
class RenderedManifestsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: x
            spec:
              %s: 2
              selector:
                matchLabels: {app: x}
              template:
                metadata:
                  labels: {app: x}
                spec:
                  containers:
                    - name: bot
                      image: helpdesk-verify:0.1.0
            """;

    @Test
    void readsAValidManifestIntoItsType() {
        RenderedManifests read = RenderedManifests.read("---\n" + DEPLOYMENT.formatted("replicas") + "---\n");

        assertThat(read.one(Deployment.class).getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void refusesAFieldTheApiTypeDoesNotHave() {
        assertThatThrownBy(() -> RenderedManifests.read(DEPLOYMENT.formatted("replica")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Deployment x does not read as Kubernetes' Deployment")
                .hasMessageContaining("replica");
    }

    @Test
    void refusesAValueOfTheWrongType() {
        assertThatThrownBy(() -> RenderedManifests.read(DEPLOYMENT.formatted("replicas").replace("2", "two")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void refusesAKindTheChartShouldNotRender() {
        assertThatThrownBy(() -> RenderedManifests.read("apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: x}\n"))
                .hasMessageContaining("extensions/v1beta1/Ingress");
    }
}
