package org.solidarityhub.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The headers by which browsers say where a post came from, for the tests of the public forms: the senders
 * that must get through without any token, and the pages of other sites that must be refused with the clear page.
 */
public final class CrossSite {

    /** "Not allowed", and why, in each language. */
    public static final Map<String, String[]> REFUSAL = Map.of(
            "en", new String[] {"Not allowed",
                    "This was sent by a page of another website, so nothing was done. Open the form on this site and send it from there."},
            "uk", new String[] {"Не дозволено",
                    "Це надіслала сторінка іншого вебсайту, тож нічого не зроблено. Відкрийте форму на цьому сайті й надішліть її звідси."});

    private CrossSite() {
    }

    /** Senders that must pass: each a name and the headers (pairs) its browser sends. */
    public static Map<String, String[]> fromThisSite(int port) {
        Map<String, String[]> senders = new LinkedHashMap<>();
        senders.put("a client that sends neither header", new String[0]);
        senders.put("a page of this site", new String[] {"Sec-Fetch-Site", "same-origin", "Origin", "http://localhost:" + port});
        senders.put("the reader themselves (Sec-Fetch-Site: none)", new String[] {"Sec-Fetch-Site", "none"});
        senders.put("an older browser on a page of this site", new String[] {"Origin", "http://localhost:" + port});
        senders.put("an older browser on the site's public address", new String[] {"Origin", "http://hub.test"});
        return senders;
    }

    /** Senders that must be refused: each a name and the headers (pairs) its browser sends. */
    public static Map<String, String[]> fromElsewhere(int port) {
        Map<String, String[]> senders = new LinkedHashMap<>();
        senders.put("a page of another site", new String[] {"Sec-Fetch-Site", "cross-site", "Origin", "https://attacker.example"});
        senders.put("a page of a sibling subdomain", new String[] {"Sec-Fetch-Site", "same-site", "Origin", "http://blog.localhost:" + port});
        senders.put("a cross-site page whatever Origin says", new String[] {"Sec-Fetch-Site", "cross-site", "Origin", "http://localhost:" + port});
        senders.put("an older browser on another site", new String[] {"Origin", "https://attacker.example"});
        senders.put("an older browser on this host but another port", new String[] {"Origin", "http://localhost:" + (port + 1)});
        senders.put("a sandboxed or data: page (Origin: null)", new String[] {"Origin", "null"});
        return senders;
    }

    /** A browser that sends these headers with every request. */
    public static Browser sending(Browser browser, String[] headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            browser.header(headers[i], headers[i + 1]);
        }
        return browser;
    }

    /** Runs the submission of each sender with a browser of its own, which sends that sender's headers. */
    public static void forEach(Map<String, String[]> senders, Supplier<Browser> newBrowser, SenderCheck check) {
        senders.forEach((name, headers) -> check.run(name, sending(newBrowser.get(), headers)));
    }

    /** One sender's submission and what is checked of it. */
    @FunctionalInterface
    public interface SenderCheck {
        void run(String sender, Browser browser);
    }

    /** The clear page of a refused cross-site post, in the reader's language. */
    public static void assertRefused(Browser.Page page, String language, String sender) {
        assertThat(page.status()).as("status for %s", sender).isEqualTo(403);
        assertThat(page.header("Content-Type")).as(sender).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.doc().select("html").attr("lang")).as(sender).isEqualTo(language);
        assertThat(page.text(".error-page h1")).as(sender).isEqualTo(REFUSAL.get(language)[0]);
        assertThat(page.text(".error-page .lead")).as(sender).isEqualTo(REFUSAL.get(language)[1]);
        assertThat(page.setCookies()).as("cookies set for %s", sender).isEmpty();
    }
}
