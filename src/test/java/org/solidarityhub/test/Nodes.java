package org.solidarityhub.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.solidarityhub.SolidarityHubApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nodes of the app started side by side in the test's JVM, each with its own port, memory and caches, on the one test
 * database (H2 in memory, which every context of the JVM shares, or PostgreSQL when SPRING_DATASOURCE_URL says so), as
 * several nodes behind a load balancer share one database. Each has {@link TestBeans} (the staff fixture, a clock).
 */
public final class Nodes {

    private Nodes() {
    }

    /** Starts a node with the test profile and these extra settings ({@code name=value}). */
    public static ConfigurableApplicationContext start(String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.mail.port=" + TestMailServer.port()));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return new SpringApplicationBuilder(SolidarityHubApplication.class, TestBeans.class).profiles("test")
                .properties("spring.main.banner-mode=off")
                .run(args.toArray(String[]::new));
    }

    /** The address of a node, e.g. {@code http://localhost:41234}. */
    public static String base(ConfigurableApplicationContext node) {
        return "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /** Waits until the condition holds, failing if that takes {@code within} or longer; how long it took. */
    public static Duration seenWithin(Duration within, String what, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(what).isLessThan(within);
            Thread.sleep(50);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
