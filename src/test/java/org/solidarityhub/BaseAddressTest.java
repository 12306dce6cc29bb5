package org.solidarityhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.solidarityhub.test.Browser;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 8, finding 11: an app started with only its port set (as SERVER_PORT does) links to that port in the
 * setup link, the feeds and every mail, and, outside the default profile, warns that no public address is set.
 * Runs an application of its own, on an empty database of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class BaseAddressTest {

    @Test
    void withOnlyAPortLinksUseThatPortAndTheAppWarnsOutsideTheDefaultProfile(CapturedOutput output) throws IOException {
        int port = freePort();
        String base = "http://localhost:" + port;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SolidarityHubApplication.class)
                .properties("app.demo=true", "spring.main.banner-mode=off")
                .profiles("staging")
                // a database of its own (even when the suite runs on PostgreSQL), so that no admin exists yet
                .run("--server.port=" + port, "--spring.datasource.url=jdbc:h2:mem:base-address-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")) {

            assertThat(output.getOut()).contains(base + "/staff/setup/");
            assertThat(output.getOut()).contains("No public address is configured");

            Browser browser = new Browser(base);
            assertThat(browser.get("/api/v1/campaigns/week-of-action-2027/events.atom").body()).contains(base + "/en/events/")
                    .doesNotContain("localhost:8080");
            String email = "base-address-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            Browser.Page signed = browser.postRaw("/api/v1/appeals/global-week-of-action/signatures", "application/json", """
                    {"kind":"INDIVIDUAL","name":"Olena K.","email":"%s","country":"BE","city":"Brussels","display":"FULL_NAME",\
                    "comment":"","updates":false,"language":"en"}""".formatted(email).getBytes(StandardCharsets.UTF_8));
            assertThat(signed.status()).isEqualTo(202);
            String mail = app.getBean(JdbcClient.class).sql("SELECT body FROM mail_outbox WHERE recipient = :to")
                    .param("to", email).query(String.class).single();
            assertThat(mail).contains(base + "/en/appeal/confirm/").doesNotContain("localhost:8080");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
