package io.helpdeskverify.system;

import io.helpdeskverify.directory.ContactRisk;
import io.helpdeskverify.directory.EnrolmentInviteSender;
import io.helpdeskverify.directory.EnrolmentInvites;
import io.helpdeskverify.directory.DeviceService;
import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.DirectorySync;
import io.helpdeskverify.directory.AgentDirectorySync;
import io.helpdeskverify.directory.AgentImport;
import io.helpdeskverify.directory.AgentState;
import io.helpdeskverify.directory.EveryDirectorySync;
import io.helpdeskverify.directory.EnrolmentPublisher;
import io.helpdeskverify.directory.ExternalDirectory;
import io.helpdeskverify.directory.PhoneNumbers;
import io.helpdeskverify.directory.Secrets;
import io.helpdeskverify.directory.config.DeviceProperties;
import io.helpdeskverify.directory.graph.GraphDirectorySync;
import io.helpdeskverify.directory.ldap.LdapDirectorySync;
import io.helpdeskverify.directory.config.DirectoryProperties;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.shared.HelpdeskProperties;
import io.helpdeskverify.shared.AppProperties;
import io.helpdeskverify.shared.ServerKeys;
import io.helpdeskverify.tokens.ApiTokenStore;
import io.helpdeskverify.tokens.ApiTokens;
import io.helpdeskverify.verification.ChallengeBudget;
import io.helpdeskverify.verification.ChangePublisher;
import io.helpdeskverify.verification.ChannelAvailability;
import io.helpdeskverify.verification.Codes;
import io.helpdeskverify.verification.Method;
import io.helpdeskverify.verification.MethodSelector;
import io.helpdeskverify.verification.Policies;
import io.helpdeskverify.verification.Transitions;
import io.helpdeskverify.verification.UserLinkStore;
import io.helpdeskverify.verification.UserLinks;
import io.helpdeskverify.verification.VerificationPolicy;
import io.helpdeskverify.verification.VerificationService;
import io.helpdeskverify.verification.VerificationStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/** Wires the framework-free domain classes; the only place they meet Spring. */
@Configuration(proxyBeanMethods = false)
class DomainConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    ServerKeys serverKeys(HelpdeskProperties props, Environment env, SecureRandom random) {
        return ServerKeys.resolve(props, env.matchesProfiles("local"), random);
    }

    @Bean
    ApiTokens apiTokens(ApiTokenStore store, EventLog events, ServerKeys keys, SecureRandom random, Clock clock) {
        return new ApiTokens(store, events, keys.codeKey(), keys.adminToken(), random, clock);
    }

    @Bean
    Secrets secrets(SecureRandom random) {
        return new Secrets(random);
    }

    @Bean
    PhoneNumbers phoneNumbers() {
        return new PhoneNumbers();
    }

    @Bean
    Codes codes(ServerKeys keys, SecureRandom random) {
        return new Codes(keys.codeKey(), random);
    }

    /** The one-time links in end users' SMS and email (the reverse check's answer, "I did not ask for this"). */
    @Bean
    UserLinks userLinks(UserLinkStore store, ServerKeys keys, SecureRandom random, Clock clock) {
        return new UserLinks(store, keys.codeKey(), random, clock);
    }

    @Bean
    Policies policies(HelpdeskProperties props) {
        var v = props.verification();
        return new Policies(new VerificationPolicy(v.countdown(), v.codeLength(),
                new ChallengeBudget.Limits(v.maxChallengesPerUser(), v.maxChallengesPerTechnician(),
                        v.maxChallengesPerCustomer(), v.maxChallengesGlobal(), v.limitWindow()),
                EnumSet.allOf(Method.class)));
    }

    @Bean
    DirectoryService directoryService(DirectoryRepository repository, PhoneNumbers phones, EventLog events, Clock clock) {
        return new DirectoryService(repository, phones, events, clock);
    }

    /** Every source a customer has: what the admin API and {@code /verify sync} start and report. */
    @Bean
    @Primary
    DirectorySync directorySync(GraphDirectorySync graph, LdapDirectorySync ldap, DirectoryService directory,
                                AgentState agents) {
        return new EveryDirectorySync(List.of(graph, ldap, new AgentDirectorySync(directory, agents)));
    }

    @Bean
    ExternalDirectory externalDirectory(DirectoryRepository repository, DirectoryService directory, Clock clock) {
        return new ExternalDirectory(repository, directory, clock);
    }

    /** What directory agents push (POST /api/v1/customers/{slug}/directory/agent/changes). */
    @Bean
    AgentImport agentImport(DirectoryService directory, ExternalDirectory external, AgentState state, Clock clock) {
        return new AgentImport(directory, external, state, clock);
    }

    /** The card mapper asks this for "Mobile number changed 2 days ago". */
    @Bean
    ContactRisk contactRisk(DirectoryProperties props) {
        return new ContactRisk(Duration.ofDays(props.contactChangeWarningDays()));
    }

    @Bean
    DeviceService deviceService(DirectoryRepository repository, DirectoryService directory, Secrets secrets,
                                EventLog events, EnrolmentPublisher publisher, DeviceProperties props, Clock clock) {
        return new DeviceService(repository, directory, secrets, events, publisher, props.maxPerUser(), clock);
    }

    @Bean
    EnrolmentInvites enrolmentInvites(DeviceService devices, DirectoryService directory, EnrolmentInviteSender sender,
                                      AppProperties app) {
        return new EnrolmentInvites(devices, directory, sender, app.appUrl());
    }

    @Bean
    VerificationService verificationService(DirectoryRepository directory, VerificationStore store,
                                            ChallengeBudget budget, EventLog events, ChangePublisher publisher,
                                            Codes codes, Policies policies, ChannelAvailability channels,
                                            Secrets secrets, Clock clock, HelpdeskProperties props) {
        var v = props.verification();
        return new VerificationService(directory, store, budget, events, publisher, codes,
                new Transitions(v.maxWrongCodes(), v.technicianWindow(), codes), policies, new MethodSelector(),
                channels, secrets, clock);
    }
}
