package io.helpdeskverify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layout's promises, checked: the domain knows no framework, adapters depend on it, never the reverse. */
@AnalyzeClasses(packages = "io.helpdeskverify", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN = {"io.helpdeskverify.verification", "io.helpdeskverify.directory",
            "io.helpdeskverify.events", "io.helpdeskverify.access"};

    @ArchTest
    static final ArchRule domainImportsNoFrameworkOrPlatform = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.lettuce..", "redis..",
                    "com.slack..", "com.microsoft.bot..", "com.twilio..", "com.google.firebase..", "com.microsoft.graph..",
                    "com.azure..", "jakarta.servlet..", "jakarta.mail..")
            .because("the domain must run and be tested without Spring, Redis or any chat platform");

    @ArchTest
    static final ArchRule domainDoesNotDependOnAdapters = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("io.helpdeskverify.web..", "io.helpdeskverify.chat..",
                    "io.helpdeskverify.delivery..", "io.helpdeskverify.system..", "io.helpdeskverify.verification.store..",
                    "io.helpdeskverify.directory.store..", "io.helpdeskverify.events.store..",
                    "io.helpdeskverify.access.store..");

    @ArchTest
    static final ArchRule cardsKnowNoPlatformSdk = noClasses().that().resideInAPackage("io.helpdeskverify.cards..")
            .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "com.microsoft.bot..", "org.springframework..");
}
