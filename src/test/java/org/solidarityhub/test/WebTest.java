package org.solidarityhub.test;

import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole application on a random port against the test database (H2, or
 * PostgreSQL when SPRING_DATASOURCE_URL says so) and a real SMTP server. Every subclass shares one
 * Spring context, so keep extra configuration out of subclasses.
 * Tests must not assume an empty database: on PostgreSQL the data of earlier tests is still there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestBeans.class)
public abstract class WebTest {

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", TestMailServer::port);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient db;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected Clock applicationClock;

    protected Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser("http://localhost:" + port);
    }

    /** A fresh browser (no cookies), e.g. a second person or an attacker. */
    protected Browser anotherBrowser() {
        return new Browser("http://localhost:" + port);
    }

    private static final java.util.concurrent.atomic.AtomicInteger IPS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A client IP address of its own (in 198.18.0.0/15, the benchmarking range), for {@link Browser#from}, so
     * per-address limits of one test never touch another.
     */
    protected static String uniqueIp() {
        int n = IPS.incrementAndGet() + (int) (ProcessHandle.current().pid() % 1000) * 10_000;
        return "198." + (18 + (n >> 16 & 1)) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    /** A unique address for this test, so tests never collide on a shared database. */
    protected static String uniqueEmail(String who) {
        return who + "-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
