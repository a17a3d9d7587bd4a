package io.helpdeskverify.directory.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the self-serve app's devices. Mapped in application.yml from
 * {@code HELPDESK_DEVICES_MAX_PER_USER}.
 *
 * @param maxPerUser the most active devices one end user may have; each one can approve a check, so
 *     a small number keeps a forgotten old phone from piling up beside the new one
 */
@ConfigurationProperties("helpdesk.devices")
public record DeviceProperties(@DefaultValue("3") int maxPerUser) {

    public DeviceProperties {
        if (maxPerUser < 1) {
            throw new IllegalArgumentException("HELPDESK_DEVICES_MAX_PER_USER must be at least 1");
        }
    }
}
