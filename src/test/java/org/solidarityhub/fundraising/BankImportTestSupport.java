package org.solidarityhub.fundraising;

import java.util.List;
import java.util.Map;

import org.solidarityhub.test.Browser;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the bank import tests over HTTP share: uploading a sample file and counting what was written. */
final class BankImportTestSupport {

    private BankImportTestSupport() {
    }

    /** Uploads a sample file for a fundraiser from the imports page; the answer after redirects. */
    static Browser.Page upload(Browser browser, long fundraiserId, String sample) {
        return upload(browser, fundraiserId, sample, ImportFiles.bytes(sample));
    }

    /** Uploads a sample made unique by a tag ({@link ImportFiles#unique}). */
    static Browser.Page upload(Browser browser, long fundraiserId, String sample, String tag) {
        return upload(browser, fundraiserId, sample, ImportFiles.unique(sample, tag));
    }

    static Browser.Page upload(Browser browser, long fundraiserId, String filename, byte[] content) {
        Browser.Page page = browser.open("/staff/fundraising/imports");
        if (page.status() != 200) {
            throw new AssertionError("imports page: " + page.status() + "\n" + page.body());
        }
        Browser.Page answer = browser.submitMultipart(page, "form.import-upload", Map.of("fundraiser", fundraiserId),
                List.of(new Browser.FilePart("file", filename, "application/octet-stream", content)));
        return answer.isRedirect() ? browser.follow(answer) : answer;
    }

    static long importId(Browser.Page page) {
        String path = page.uri().getPath();
        String rest = path.substring("/staff/fundraising/imports/".length());
        return Long.parseLong(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
    }

    static long donations(JdbcClient db, long fundraiserId) {
        return db.sql("SELECT COUNT(*) FROM donation WHERE fundraiser_id = :f").param("f", fundraiserId).query(Long.class).single();
    }

    static long ledgerRows(JdbcClient db, long fundraiserId) {
        return db.sql("SELECT COUNT(*) FROM ledger_entry WHERE fundraiser_id = :f").param("f", fundraiserId).query(Long.class).single();
    }
}
