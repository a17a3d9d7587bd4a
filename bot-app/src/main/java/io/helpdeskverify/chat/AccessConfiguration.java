package io.helpdeskverify.chat;

import io.helpdeskverify.chat.core.AccessProperties;
import io.helpdeskverify.access.AccessControl;
import io.helpdeskverify.access.AccessMode;
import io.helpdeskverify.access.AccessPolicies;
import io.helpdeskverify.access.AccessRules;
import io.helpdeskverify.access.UserGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);

    /** Group membership comes from the platform adapter that has it (Slack); without one nobody is a member. */
    @Bean
    AccessControl accessControl(AccessProperties props, AccessPolicies policies, ObjectProvider<UserGroups> groups) {
        AccessMode mode = AccessMode.parse(props.mode());
        log.info("Access: {} mode ({})", mode.name().toLowerCase(java.util.Locale.ROOT), mode == AccessMode.OPEN
                ? "technicians of the installing workspace or tenant may verify customers without a policy"
                : "only technicians a customer's policy lists may verify its end users");
        return new AccessControl(new AccessRules(mode), policies, groups.getIfAvailable(UserGroups::none));
    }
}
