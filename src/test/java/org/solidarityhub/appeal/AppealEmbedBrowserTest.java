package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.E2eScripts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The widget on a partner's website in a real browser, JavaScript off: the partner's page is served from another
 * origin (a second HTTP server on 127.0.0.1, while the app is localhost) with the iframe code staff give out; a reader
 * signs inside the frame, which says "check your email"; the signature names the partner and counts for it once
 * confirmed; a form of the partner's page posting to the widget itself is refused.
 */
class AppealEmbedBrowserTest extends AppealTestSupport {

    @Autowired
    StaffFixture staff;

    @Autowired
    Partners partners;

    @Test
    void aReaderSignsInsideThePartnersFrameWithoutJavaScriptAndThePartnerIsCredited() throws Exception {
        E2eScripts.requireBrowser();
        appeal = newAppeal(1000);
        String slug = "scot-" + UUID.randomUUID().toString().substring(0, 6);
        Partner partner = partners.create(new Partners.Form("ecosocialist.scot", slug, "https://ecosocialist.scot", true));
        // the code as staff give it out, pointing at this test's app instead of app.base-url
        Browser editor = anotherBrowser();
        staff.signIn(editor, staff.member(uniqueEmail("embed-editor"), StaffRole.EDITOR));
        String snippet = editor.get("/staff/appeals/" + appeal.id() + "/partners/" + partner.id()).doc().selectFirst("#snippet-en").text()
                .replace("http://hub.test/", "http://localhost:" + port + "/");
        String partnerPage = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>ecosocialist.scot</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body><h1>Towards a global week of action for solidarity with Ukraine</h1>
                <p>ecosocialist.scot members have endorsed the following statement.</p>
                %s</body></html>""".formatted(snippet);
        String forgedPage = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>forged</title></head><body>
                <form id="forged" method="post" action="http://localhost:%d/en/appeal/embed">
                <input type="hidden" name="appeal" value="%s"><input type="hidden" name="partner" value="%s">
                <input type="hidden" name="name" value="Forged Signer"><input type="hidden" name="email" value="%s">
                <input type="hidden" name="country" value="GB"><input type="hidden" name="display" value="HIDDEN">
                <button type="submit">Sign</button></form></body></html>""".formatted(port, appeal.slug(), slug, uniqueEmail("forged"));

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = (exchange.getRequestURI().getPath().equals("/forged") ? forgedPage : partnerPage).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String signer = uniqueEmail("framed-signer");
        try {
            String partnerUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/statement";
            E2eScripts.Run run = E2eScripts.run("appeal-embed.mjs", Map.of(
                    "HUB_URL", "http://localhost:" + port,
                    "PARTNER_URL", partnerUrl,
                    "FORGED_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/forged",
                    "APPEAL_TITLE", "Peace for Ukraine " + appeal.slug(),
                    "SIGNER_EMAIL", signer,
                    "CLIENT_ADDRESS", uniqueIp(),
                    "SCREENSHOT_DIR", E2eScripts.screenshots("appeal-embed").toString()));

            assertThat(run.exitCode()).as("exit code of node e2e/appeal-embed.mjs, which printed:\n%s", run.output()).isZero();
            assertThat(run.output()).contains("PASS all steps");
        } finally {
            server.stop(0);
        }
        assertThat(row(signer)).containsEntry("status", "PENDING").containsEntry("display", "FIRST_NAME_COUNTRY")
                .containsEntry("country", "GB");
        assertThat(((Number) row(signer).get("partner_id")).longValue()).isEqualTo(partner.id());
        assertThat(db.sql("SELECT COUNT(*) FROM signature WHERE appeal_id = :id AND name = 'Forged Signer'")
                .param("id", appeal.id()).query(Long.class).single()).isZero();

        confirm(person(), signer, 1);
        count();
        assertThat(partners.tally(appeal.id(), partner)).isEqualTo(new Partner.Tally(partner, 1, 1, 0));
    }
}
