package io.turnaround.staff;

import io.turnaround.TurnaroundApplication;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Started without a profile, the server is the demo: its accounts, with the password "demo", listen on 127.0.0.1
 * only (whatever server.address says) and the log warns so; TURNAROUND_DEMO_PUBLIC=true opens it to the network.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoProfileIT {

    private static final String DEMO_ACCOUNTS = "[admin, alice, andy, dave, hana, intake, maria, sam, tess]";

    static {
        EnginePersistence.configure();
    }

    @Test
    void withoutAProfileTheDemoListensOnLoopbackOnlyEvenWhenAskedForEveryAddress(CapturedOutput output) {
        try (ConfigurableApplicationContext server = start("loopback", "--server.address=0.0.0.0")) {
            assertThat(server.getEnvironment().getActiveProfiles()).isEmpty();
            assertThat(server.getEnvironment().getDefaultProfiles()).containsExactly("demo");
            int port = portOf(server);
            assertThat(reachable(InetAddress.getLoopbackAddress(), port)).isTrue();
            assertThat(reachable(networkAddress(), port)).as("reachable at " + networkAddress()).isFalse();
            assertThat(output).contains("WARN").contains("Demo accounts whose password is \"demo\" exist " + DEMO_ACCOUNTS
                    + ": the server listens on 127.0.0.1:" + port + " only.");
        }
    }

    @Test
    void turnaroundDemoPublicOpensItToTheNetworkAndSaysWhoCanSignIn(CapturedOutput output) {
        try (ConfigurableApplicationContext server = start("public", "--turnaround.demo.public=true")) {
            int port = portOf(server);
            assertThat(reachable(networkAddress(), port)).as("reachable at " + networkAddress()).isTrue();
            assertThat(output).contains("Demo accounts whose password is \"demo\" exist " + DEMO_ACCOUNTS
                    + ", and TURNAROUND_DEMO_PUBLIC=true: the server listens on every address, port " + port
                    + "; anyone who reaches it can sign in as them.");
        }
    }

    private static ConfigurableApplicationContext start(String name, String... arguments) {
        return new SpringApplicationBuilder(TurnaroundApplication.class).run(Stream.concat(Stream.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:demo-" + name + ";NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"),
                Stream.of(arguments)).toArray(String[]::new));
    }

    private static int portOf(ConfigurableApplicationContext server) {
        return ((ServletWebServerApplicationContext) server).getWebServer().getPort();
    }

    private static boolean reachable(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 5000);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This machine's address on its network (not loopback), where another machine would connect. */
    private static InetAddress networkAddress() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(nic -> isUp(nic)).flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("this test needs a network interface besides loopback"));
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }
}
