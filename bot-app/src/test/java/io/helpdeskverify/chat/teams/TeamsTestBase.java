package io.helpdeskverify.chat.teams;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.HelpdeskTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole app with Teams on (anonymous, as in the local profile), the fake Bot Connector as every
 * activity's {@code serviceUrl}: the Teams counterpart of {@code SlackTestBase}. Each test class has
 * its own fake, started before its first test and closed after its last, so one class's scripted
 * answers never meet another's calls; every Adaptive Card a test saw is validated against the
 * official schema after it.
 */
@HelpdeskTest
@ExtendWith(TeamsTestBase.FakePerClass.class)
abstract class TeamsTestBase {

    @LocalServerPort
    int port;
    Api api;
    TeamsClient teams;
    TeamsFlowSupport t;
    FakeBotConnector fake;

    @BeforeEach
    void connect(FakeBotConnector connector) {
        use(connector);
    }

    /** Points the client and the helpers at this fake (a test that needs one of its own calls it). */
    void use(FakeBotConnector connector) {
        fake = connector;
        api = new Api(port);
        teams = new TeamsClient(port, connector.serviceUrl());
        t = new TeamsFlowSupport(connector, api);
    }

    @AfterEach
    void everyCardIsValid() {
        t.validateEverything();
    }

    /** One {@link FakeBotConnector} per test class, kept in the class's JUnit store, which closes it. */
    static final class FakePerClass implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakePerClass.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == FakeBotConnector.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            ExtensionContext classContext = context.getParent().orElse(context);
            return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(context.getRequiredTestClass(),
                    c -> new Closing(new FakeBotConnector()), Closing.class).fake();
        }

        private record Closing(FakeBotConnector fake) implements ExtensionContext.Store.CloseableResource {
            @Override
            public void close() {
                fake.close();
            }
        }
    }
}
