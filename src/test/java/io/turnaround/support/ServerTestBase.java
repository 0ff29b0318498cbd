package io.turnaround.support;

import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A test of the whole server on a random port, on the database its subclass's {@code @SpringBootTest} names: the
 * engine's persistence is configured before Spring starts, and {@link #api} calls the server as the demo staff.
 */
public abstract class ServerTestBase {

    static {
        EnginePersistence.configure();
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    protected Api api;

    @BeforeEach
    void connectApi() {
        api = new Api(port);
    }
}
