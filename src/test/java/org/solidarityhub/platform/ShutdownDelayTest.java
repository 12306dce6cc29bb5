package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Nodes;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node stopped behind a load balancer (docs/deploy.md): with {@code app.shutdown-delay} it first answers its
 * readiness with 503 while it still serves every request it is sent, so that the balancer stops sending before the
 * web server stops taking connections; then it stops.
 */
class ShutdownDelayTest {

    private static final Duration DELAY = Duration.ofSeconds(3);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private int status(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aStoppedNodeSaysItIsNotReadyAndServesOnForTheDelayThenStops() throws Exception {
        ConfigurableApplicationContext node = Nodes.start("app.shutdown-delay=" + DELAY.toMillis() + "ms");
        String base = Nodes.base(node);
        assertThat(status(base + "/actuator/health/readiness")).isEqualTo(200);

        long stopped = System.nanoTime();
        Thread stopping = new Thread(node::close, "stopping-node");
        stopping.start();
        Nodes.seenWithin(Duration.ofSeconds(2), "readiness down", () -> {
            try {
                return status(base + "/actuator/health/readiness") == 503;
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("the node stopped taking requests before its delay", e);
            }
        });
        // not ready, yet still serving what reaches it (requests already on their way from the balancer)
        assertThat(status(base + "/actuator/health/liveness")).isEqualTo(200);
        assertThat(status(base + "/css/base.css")).isEqualTo(200);

        stopping.join(Duration.ofSeconds(60));
        assertThat(stopping.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isGreaterThanOrEqualTo(DELAY);
        assertThatThrownBy(() -> status(base + "/actuator/health/liveness")).isInstanceOf(IOException.class);
    }
}
