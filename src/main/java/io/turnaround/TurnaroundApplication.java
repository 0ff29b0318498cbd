package io.turnaround;

import io.turnaround.policy.PolicyCheck;
import io.turnaround.workflow.EnginePersistence;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/** Turnaround: a rules-driven support workflow server. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TurnaroundApplication {

    /** Starts the server; {@code check-policy [folder]} checks a policy folder instead, without starting it. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("check-policy")) {
            PolicyCheck.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        EnginePersistence.configure();
        SpringApplication.run(TurnaroundApplication.class, args);
    }

    /** Microsecond ticks: the precision both databases store, so a stored instant equals the one we computed. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }
}
