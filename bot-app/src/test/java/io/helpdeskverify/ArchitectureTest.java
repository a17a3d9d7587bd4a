package io.helpdeskverify;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The layout's promises, checked: the package table of docs/architecture.md as layer rules (each
 * layer's "may depend on" column is its {@code mayOnlyAccessLayers}), no cycle between any two
 * packages, the domain free of frameworks, and Redis only in the stores. A new package must be
 * placed in a layer (and in the table) before the build passes.
 */
@AnalyzeClasses(packages = "io.helpdeskverify", importOptions = {ImportOption.DoNotIncludeTests.class,
        ArchitectureTest.NoTestSupport.class})
class ArchitectureTest {

    private static final String[] DOMAIN = {"io.helpdeskverify.verification", "io.helpdeskverify.directory",
            "io.helpdeskverify.events", "io.helpdeskverify.access", "io.helpdeskverify.tokens"};
    private static final String[] DOMAIN_LAYERS = {"Verification", "Directory", "Events", "Access", "Tokens"};

    /** The chat flow with everything below it that is not an adapter: chat.cards and chat.store belong to it. */
    private static final DescribedPredicate<JavaClass> CHAT_FLOW = resideInAPackage("io.helpdeskverify.chat..")
            .and(not(resideInAnyPackage("io.helpdeskverify.chat.slack..", "io.helpdeskverify.chat.teams..")))
            .as("the chat flow (io.helpdeskverify.chat.. without the Slack and Teams adapters)");

    @ArchTest
    static final ArchRule packageTable = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Shared").definedBy("io.helpdeskverify.shared..")
            .layer("Cards").definedBy("io.helpdeskverify.cards..")
            .layer("Verification").definedBy("io.helpdeskverify.verification")
            .layer("Directory").definedBy("io.helpdeskverify.directory")
            .layer("Events").definedBy("io.helpdeskverify.events")
            .layer("Access").definedBy("io.helpdeskverify.access")
            .layer("Tokens").definedBy("io.helpdeskverify.tokens")
            .layer("DirectoryConfig").definedBy("io.helpdeskverify.directory.config..")
            .layer("EventStore").definedBy("io.helpdeskverify.events.store..")
            .layer("Stores").definedBy("io.helpdeskverify.verification.store..", "io.helpdeskverify.directory.store..",
                    "io.helpdeskverify.access.store..", "io.helpdeskverify.tokens.store..")
            .layer("Delivery").definedBy("io.helpdeskverify.delivery")
            .layer("Providers").definedBy("io.helpdeskverify.delivery.email..", "io.helpdeskverify.delivery.push..",
                    "io.helpdeskverify.delivery.sms..")
            .layer("Outbox").definedBy("io.helpdeskverify.delivery.outbox..")
            .layer("Graph").definedBy("io.helpdeskverify.directory.graph..")
            .layer("Ldap").definedBy("io.helpdeskverify.directory.ldap..")
            .layer("Agent").definedBy("io.helpdeskverify.directory.agent..")
            .layer("Chat").definedBy(CHAT_FLOW)
            .layer("Slack").definedBy("io.helpdeskverify.chat.slack..")
            .layer("Teams").definedBy("io.helpdeskverify.chat.teams..")
            .layer("Psa").definedBy("io.helpdeskverify.psa")
            .layer("PsaAdapters").definedBy("io.helpdeskverify.psa.connectwise..", "io.helpdeskverify.psa.autotask..")
            .layer("PsaStore").definedBy("io.helpdeskverify.psa.store..")
            .layer("Web").definedBy("io.helpdeskverify.web")
            .layer("WebSecurity").definedBy("io.helpdeskverify.web.security..")
            .layer("Playground").definedBy("io.helpdeskverify.playground..")
            .layer("Alerts").definedBy("io.helpdeskverify.alerts")
            .layer("AlertStore").definedBy("io.helpdeskverify.alerts.store..")
            .layer("Siem").definedBy("io.helpdeskverify.siem")
            .layer("SiemStore").definedBy("io.helpdeskverify.siem.store..")
            .layer("System").definedBy("io.helpdeskverify", "io.helpdeskverify.system..")

            .whereLayer("Shared").mayNotAccessAnyLayer()
            .whereLayer("Cards").mayNotAccessAnyLayer()
            .whereLayer("Verification").mayOnlyAccessLayers("Directory", "Events")
            .whereLayer("Directory").mayOnlyAccessLayers("Events")
            .whereLayer("Events").mayNotAccessAnyLayer()
            .whereLayer("Access").mayOnlyAccessLayers("Verification")
            .whereLayer("Tokens").mayOnlyAccessLayers("Events")
            .whereLayer("DirectoryConfig").mayNotAccessAnyLayer()
            .whereLayer("EventStore").mayOnlyAccessLayers("Events", "Shared")
            // verification.store appends a transition's events in the same Lua call, so it knows the stream layout.
            .whereLayer("Stores").mayOnlyAccessLayers(with(DOMAIN_LAYERS, "EventStore", "Shared"))
            .whereLayer("Delivery").mayOnlyAccessLayers(with(DOMAIN_LAYERS, "Shared"))
            .whereLayer("Providers").mayOnlyAccessLayers(with(DOMAIN_LAYERS, "Delivery", "Shared"))
            .whereLayer("Outbox").mayOnlyAccessLayers(with(DOMAIN_LAYERS, "Delivery", "Shared"))
            .whereLayer("Graph").mayOnlyAccessLayers("Directory", "Events", "Shared")
            .whereLayer("Ldap").mayOnlyAccessLayers("Directory", "Events", "Shared")
            // The agent reads AD with the bot's own reader and pushes the domain's AgentBatch; nothing else of the bot.
            .whereLayer("Agent").mayOnlyAccessLayers("Directory", "Ldap", "Shared")
            .whereLayer("Chat").mayOnlyAccessLayers(with(DOMAIN_LAYERS, "DirectoryConfig", "Cards", "Psa", "Siem", "Alerts",
                    "Shared"))
            .whereLayer("Slack").mayOnlyAccessLayers(with(DOMAIN_LAYERS, "Chat", "Cards", "Shared"))
            .whereLayer("Teams").mayOnlyAccessLayers(with(DOMAIN_LAYERS, "Chat", "Cards", "Shared"))
            // The admin's view of the local outbox (GET /api/v1/dev/outbox).
            .whereLayer("Psa").mayOnlyAccessLayers(with(DOMAIN_LAYERS, "Shared"))
            .whereLayer("PsaAdapters").mayOnlyAccessLayers("Psa", "Shared")
            .whereLayer("PsaStore").mayOnlyAccessLayers(with(DOMAIN_LAYERS, "Psa", "Shared"))
            // Web names the alert rules to check a customer's policy.alerts.disabled.
            .whereLayer("Web").mayOnlyAccessLayers(with(DOMAIN_LAYERS, "WebSecurity", "Outbox", "Psa", "Siem", "Alerts",
                    "Shared"))
            .whereLayer("WebSecurity").mayOnlyAccessLayers("Tokens", "Directory", "Events", "Verification", "Psa", "Shared")
            // The phone pane shows the outbox and moves on verification changes; Reset goes through its DemoReset port.
            .whereLayer("Playground").mayOnlyAccessLayers("Verification", "Outbox", "Shared")
            // Alerts read the event log, append ALERT and email through the delivery senders.
            .whereLayer("Alerts").mayOnlyAccessLayers(with(DOMAIN_LAYERS, "Delivery", "Shared"))
            .whereLayer("AlertStore").mayOnlyAccessLayers("Alerts", "Shared")
            .whereLayer("Siem").mayOnlyAccessLayers(with(DOMAIN_LAYERS, "Shared"))
            .whereLayer("SiemStore").mayOnlyAccessLayers("Siem", "Events", "EventStore", "Shared")
            // System wires everything and nothing depends on it: no layer above lists it.
            .ensureAllClassesAreContainedInArchitecture()
            .because("docs/architecture.md's package table is the layout; change both together");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.helpdeskverify.(**)").should().beFreeOfCycles()
            .because("a cycle between two packages makes them one module that cannot be read or tested alone");

    @ArchTest
    static final ArchRule sharedIsALeaf = noClasses().that().resideInAPackage("io.helpdeskverify.shared..")
            .should().dependOnClassesThat(resideInAPackage("io.helpdeskverify..")
                    .and(not(resideInAPackage("io.helpdeskverify.shared.."))))
            .because("every layer may use shared, so shared may use none of them");

    @ArchTest
    static final ArchRule domainImportsNoFrameworkOrPlatform = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.lettuce..", "redis..",
                    "com.slack..", "com.microsoft.bot..", "com.twilio..", "com.google.firebase..", "com.microsoft.graph..",
                    "com.azure..", "jakarta.servlet..", "jakarta.mail..")
            .because("the domain must run and be tested without Spring, Redis or any chat platform");

    /**
     * Classes outside a {@code .store} package that may still use Redis, each listed with its reason in
     * docs/architecture.md ("Redis outside the stores"). The list may only shrink.
     */
    private static final Set<String> REDIS_OUTSIDE_STORES = Set.of(
            // Reads the Lua scripts for every store; the leaf below all of them.
            "io.helpdeskverify.shared.LuaScripts",
            // Wiring: the embedded server, and the playground's Reset, which wipes every store's keys.
            "io.helpdeskverify.system.EmbeddedRedisConfiguration",
            "io.helpdeskverify.system.LocalDemoReset",
            // Adapters that keep a little state of their own next to the provider they wrap.
            "io.helpdeskverify.delivery.outbox.Outbox",
            "io.helpdeskverify.delivery.outbox.OutboxConfiguration",
            "io.helpdeskverify.delivery.sms.MessageSidIndex",
            "io.helpdeskverify.delivery.sms.TwilioConfiguration",
            "io.helpdeskverify.directory.graph.ConsentFlow",
            "io.helpdeskverify.directory.graph.GraphConfiguration",
            "io.helpdeskverify.directory.graph.SyncLock",
            "io.helpdeskverify.directory.graph.SyncStateStore");

    @ArchTest
    static final ArchRule redisOnlyInStores = noClasses()
            .that(resideInAPackage("io.helpdeskverify..").and(not(resideInAPackage("..store.."))).and(describe(
                    "are not a listed exception", c -> !REDIS_OUTSIDE_STORES.contains(c.getName().split("\\$")[0]))))
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.redis..", "io.lettuce..",
                    "org.springframework.boot.autoconfigure.data.redis..", "redis..")
            .because("Redis keys and scripts belong to the *.store adapters; exceptions are listed in docs/architecture.md");

    @ArchTest
    static final ArchRule cardsKnowNoPlatformSdk = noClasses().that().resideInAPackage("io.helpdeskverify.cards..")
            .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "com.microsoft.bot..", "org.springframework..");

    private static String[] with(String[] layers, String... more) {
        var all = new String[layers.length + more.length];
        System.arraycopy(layers, 0, all, 0, layers.length);
        System.arraycopy(more, 0, all, layers.length, more.length);
        return all;
    }

    /** The test-support module is test code in a main source folder: not part of the product's layout. */
    static final class NoTestSupport implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-support/") && !location.contains("io/helpdeskverify/testsupport/");
        }
    }
}
