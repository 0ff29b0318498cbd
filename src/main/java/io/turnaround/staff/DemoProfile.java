package io.turnaround.staff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.InetAddress;

/**
 * While the demo accounts exist, the server listens on 127.0.0.1 only, unless {@code TURNAROUND_DEMO_PUBLIC=true},
 * and warns at start-up which accounts anyone may sign in as, and where.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoProfile {

    private static final Logger log = LoggerFactory.getLogger(DemoProfile.class);

    @Bean
    LoopbackOnly demoListensOnLoopbackOnly(DemoSettings settings) {
        return new LoopbackOnly(settings);
    }

    @Bean
    ApplicationListener<WebServerInitializedEvent> demoAccountsWarning(DemoSettings settings, ServerProperties server,
                                                                       JdbcTemplate jdbc) {
        return event -> {
            int port = event.getWebServer().getPort();
            if (settings.listenPublicly()) {
                String address = server.getAddress() == null ? "every address" : server.getAddress().getHostAddress();
                log.warn("Demo accounts whose password is \"demo\" exist {}, and TURNAROUND_DEMO_PUBLIC=true: the server "
                        + "listens on {}, port {}; anyone who reaches it can sign in as them.",
                        DemoAccounts.in(jdbc), address, port);
            } else {
                log.warn("Demo accounts whose password is \"demo\" exist {}: the server listens on {}:{} only. "
                        + "Never give the demo real data; TURNAROUND_DEMO_PUBLIC=true opens it to the network.",
                        DemoAccounts.in(jdbc), InetAddress.getLoopbackAddress().getHostAddress(), port);
            }
        };
    }

    /** Ordered last, so the loopback address replaces whatever {@code server.address} set. */
    static final class LoopbackOnly implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

        private final DemoSettings settings;

        LoopbackOnly(DemoSettings settings) {
            this.settings = settings;
        }

        @Override
        public void customize(ConfigurableWebServerFactory factory) {
            if (!settings.listenPublicly()) {
                factory.setAddress(InetAddress.getLoopbackAddress());
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
