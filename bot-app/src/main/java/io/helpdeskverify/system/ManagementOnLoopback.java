package io.helpdeskverify.system;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * When Actuator gets a port of its own (MANAGEMENT_SERVER_PORT), it listens on loopback unless
 * MANAGEMENT_SERVER_ADDRESS says otherwise. Spring Boot refuses an address without a separate
 * port, so the default can only be added here, once the port is known.
 */
class ManagementOnLoopback implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String port = env.getProperty("management.server.port");
        if (StringUtils.hasText(port) && !port.equals(env.getProperty("server.port"))
                && !StringUtils.hasText(env.getProperty("management.server.address"))) {
            env.getPropertySources().addLast(new MapPropertySource("helpdesk-management-on-loopback",
                    Map.of("management.server.address", "127.0.0.1")));
        }
    }
}
