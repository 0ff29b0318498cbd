package io.turnaround.database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Static: a post-processor is made before the other beans, the pools among them. */
    @Bean
    static GuardedPools guardedPools(Environment environment) {
        return new GuardedPools(environment);
    }
}
