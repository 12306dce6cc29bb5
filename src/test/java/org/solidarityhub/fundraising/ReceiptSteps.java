package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.solidarityhub.test.Browser;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Steps of a treasurer on a purchase's page that the receipt tests take. */
record ReceiptSteps(Browser treasurer, JdbcClient db, LocalDate today) {

    /** Records a need and a purchase of one vest at this total (EUR, below the four-eyes amount) and returns its id. */
    long purchase(long id, String total) {
        treasurer.submit(treasurer.get("/staff/fundraising/" + id), "form[action$=/needs]", Map.of("item", "Vests",
                "quantity", "100", "unitCost", "600", "priority", "HIGH"));
        long need = db.sql("SELECT MAX(id) FROM need WHERE fundraiser_id = :f").param("f", id).query(Long.class).single();
        Map<String, String> form = new HashMap<>(Map.of("need", String.valueOf(need), "quantity", "1", "total", total,
                "currency", "EUR", "orderedOn", today.toString(), "supplierName", "Vest maker", "supplierCountry", "IL"));
        Browser.Page done = treasurer.follow(treasurer.submit(treasurer.get("/staff/fundraising/" + id), "form[action$=/purchases]", form));
        assertThat(done.doc().text()).contains("The purchase was recorded in the ledger.");
        return db.sql("SELECT MAX(id) FROM purchase WHERE fundraiser_id = :f").param("f", id).query(Long.class).single();
    }

    static String page(long id, long purchase) {
        return "/staff/fundraising/" + id + "/purchases/" + purchase;
    }

    /** Uploads a file through the receipt form of the purchase's page, as a browser without JavaScript does. */
    Browser.Page upload(String page, String name, String type, byte[] content) {
        return treasurer.follow(treasurer.submitMultipart(treasurer.get(page), "form[action$=/receipts]", Map.of(),
                List.of(new Browser.FilePart("file", name, type, content))));
    }

    /** The purchase's page once no receipt is being processed (the treasurer reloads it). */
    Browser.Page ready(String page) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !treasurer.get(page).doc().text().contains("being processed"));
        return treasurer.get(page);
    }
}
