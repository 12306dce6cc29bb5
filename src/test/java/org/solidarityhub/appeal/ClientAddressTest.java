package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.PlatformProperties;
import org.solidarityhub.test.Browser;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Issue 8, finding 6: X-Forwarded-For and X-Forwarded-Proto are believed only from the reverse proxies of
 * {@code app.trusted-proxies} (the tests trust 127.0.0.1 alone); a client at any other address, even next to
 * the proxy, is its own address whatever it forwards.
 */
class ClientAddressTest extends AppealTestSupport {

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(null);
    }

    @Test
    void aClientNextToTheProxyIsItsOwnAddressWhateverItForwards() {
        Browser neighbour = Browser.bound("http://127.0.0.2:" + port, "127.0.0.2").from("198.51.100.77");
        String email = uniqueEmail("neighbour");

        assertThat(sign(neighbour, email).status()).isEqualTo(202);

        assertThat(IpAddresses.fromHex((String) row(email).get("ip_hex"))).isEqualTo("127.0.0.2");
        assertThat(neighbour.get("/en/", "X-Forwarded-Proto", "https").header("Strict-Transport-Security"))
                .as("nor is its word on HTTPS believed").isEmpty();
    }

    @Test
    void theTrustedProxyForwardsItsClientsAddressAndHttps() {
        Browser client = anotherBrowser().from("198.51.100.78");
        String email = uniqueEmail("proxied");

        assertThat(sign(client, email).status()).isEqualTo(202);

        assertThat(IpAddresses.fromHex((String) row(email).get("ip_hex"))).isEqualTo("198.51.100.78");
        assertThat(client.get("/en/", "X-Forwarded-Proto", "https").header("Strict-Transport-Security")).isPresent();
    }

    @Test
    void byDefaultOnlyThisHostIsATrustedProxy() {
        PlatformProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("app", PlatformProperties.class);

        assertThat(defaults.trustedProxies()).containsExactly("127.0.0.1/8", "::1/128");
    }

    private Browser.Page sign(Browser who, String email) {
        String json = """
                {"kind":"INDIVIDUAL","name":"Olena K.","email":"%s","country":"BE","city":"Brussels","display":"FULL_NAME",\
                "comment":"","updates":false,"language":"en"}""".formatted(email);
        return who.postRaw("/api/v1/appeals/" + appeal.slug() + "/signatures", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
}
