package io.helpdeskverify.verification.store;

import io.helpdeskverify.shared.HelpdeskProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    StoreSettings storeSettings(HelpdeskProperties props) {
        return new StoreSettings(props.verification().keepFinished());
    }
}
