package io.helpdeskverify.directory.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.helpdeskverify.directory.ldap.AdReader;
import io.helpdeskverify.directory.ldap.LdapProperties;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The directory agent: {@code java -jar bot-app.jar --agent}, in the customer's network. Its own
 * small application context, with no web server, no Redis, no chat and none of the bot's beans: it
 * reads the customer's Active Directory with the bot's own reader and pushes what it read to the
 * bot. Settings come from {@code AGENT_*} variables only ({@code spring.config.name=agent}: the
 * bot's application.yml is not read).
 *
 * <p>Deliberately not a {@code @Configuration}: the bot's component scan covers this package, and
 * must not find the agent's beans. Registered as the context's only source, its {@code @Bean}
 * methods are read all the same.
 */
public final class AgentApplication {

    /** Starts the agent; the context runs until the JVM stops (or the caller closes it). */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(AgentApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.name=agent", "spring.main.banner-mode=off")
                .run(args);
    }

    @Bean
    AgentProperties agentProperties(Environment env) {
        var props = Binder.get(env).bind("agent", AgentProperties.class).orElseGet(() -> new AgentProperties(null,
                null, null, null, null, null, null, null, null, false, false, null, null, null, 0, null, null, null,
                null, 0));
        props.validate();
        return props;
    }

    @Bean
    ObjectMapper agentJson() {
        return JsonMapper.builder().addModule(new Jdk8Module()).addModule(new JavaTimeModule())
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @Bean
    DirectoryAgent directoryAgent(AgentProperties props, ObjectMapper agentJson) {
        // The bot's LDAP settings record, for what the reader uses of it: page size and timeouts.
        var ldap = new LdapProperties(props.interval().compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1)
                : props.interval(), props.fullInterval().compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1)
                : props.fullInterval(), Duration.ofMinutes(1), Duration.ofMinutes(2), props.pageSize(),
                props.connectTimeout(), props.responseTimeout());
        var pass = new AgentPass(new AdReader(ldap), props.source(),
                new CursorFile(props.stateDir(), props.customer(), agentJson),
                new BotClient(props, agentJson, d -> Thread.sleep(d.toMillis())), props.fullInterval(),
                props.customer(), Clock.systemUTC());
        return new DirectoryAgent(pass, props.interval(), props.customer());
    }
}
