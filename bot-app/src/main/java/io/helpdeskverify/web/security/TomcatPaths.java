package io.helpdeskverify.web.security;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers an encoded slash ({@code %2F}) with its own HTML 400 before anything of ours
 * runs. Passing it through lets {@link NormalisedPaths} refuse it instead, with the same problem
 * details as every other path that could be read two ways; nothing decodes it into a route.
 */
@Component
class TomcatPaths implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
    }
}
