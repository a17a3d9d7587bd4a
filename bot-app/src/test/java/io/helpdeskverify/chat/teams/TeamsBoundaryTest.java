package io.helpdeskverify.chat.teams;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The retired Bot Framework SDK stays inside the Teams adapter, so replacing it touches nothing else. */
@AnalyzeClasses(packages = "io.helpdeskverify", importOptions = ImportOption.DoNotIncludeTests.class)
class TeamsBoundaryTest {

    @ArchTest
    static final ArchRule onlyTheTeamsAdapterKnowsTheBotFrameworkSdk = noClasses().that()
            .resideOutsideOfPackage("io.helpdeskverify.chat.teams..")
            .should().dependOnClassesThat().resideInAPackage("com.microsoft.bot..");

    @ArchTest
    static final ArchRule nothingOutsideDependsOnTheTeamsAdapter = noClasses().that()
            .resideOutsideOfPackage("io.helpdeskverify.chat.teams..")
            .should().dependOnClassesThat().resideInAPackage("io.helpdeskverify.chat.teams..");
}
