package io.helpdeskverify;

import io.helpdeskverify.directory.agent.AgentApplication;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HelpdeskVerifyApplication {

    /** {@code --agent}: the directory agent instead of the bot (docs/directory.md, "The directory agent"). */
    public static void main(String[] args) {
        var rest = Arrays.stream(args).filter(a -> !AGENT.equals(a)).toArray(String[]::new);
        if (rest.length < args.length) {
            AgentApplication.start(rest);
            return;
        }
        SpringApplication.run(HelpdeskVerifyApplication.class, args);
    }

    private static final String AGENT = "--agent";
}
