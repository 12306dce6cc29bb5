package org.solidarityhub.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.ExpiredLinkException;
import org.solidarityhub.platform.Tokens;
import org.solidarityhub.test.Browser;
import org.springframework.beans.factory.annotation.Autowired;

class EmailedLinksTest extends SubmissionsTestSupport {

    static final String NOT_VALID = "This link is unknown, was already used or has expired.";

    @Autowired
    EmailedLinks links;

    @Autowired
    Retention retention;

    @Test
    void aForgedLinkIsAnsweredLikeAnExpiredOneInEveryFeature() {
        String forged = Tokens.newToken();
        for (String path : List.of("/en/appeal/confirm/", "/en/appeal/withdraw/", "/en/events/manage/")) {
            for (String token : List.of(forged, "not-a-token")) {
                Browser.Page page = anotherBrowser().get(path + token);
                assertThat(page.status()).as(path + token).isEqualTo(404);
                assertThat(page.text(".lead")).as(path + token).isEqualTo(NOT_VALID);
            }
        }
        assertThat(links.find(forged, "signature", "CONFIRM")).isEmpty();
        assertThatThrownBy(() -> links.use(forged, "event", "MANAGE")).isInstanceOf(ExpiredLinkException.class);
    }

    @Test
    void anExpiredConfirmationLinkLeadsNowhereAndIsErased() {
        String appeal = newAppeal();
        String email = uniqueEmail("late");
        sign(anotherBrowser().from(uniqueIp()), appeal, email, Map.of());
        String confirm = mailedPath(email, 1, "/en/appeal/confirm/");
        long signature = signatureId(email);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        Browser.Page expired = anotherBrowser().get(confirm);
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.text(".lead")).isEqualTo(NOT_VALID);
        retention.run();
        assertThat(db.sql("SELECT COUNT(*) FROM emailed_link WHERE subject_type = 'signature' AND subject_id = :id")
                .param("id", signature).query(Long.class).single()).isZero();
    }

    @Test
    void aWithdrawalLinkActsOnceThenLeadsNowhere() {
        String appeal = newAppeal();
        String email = uniqueEmail("withdraws");
        Browser person = anotherBrowser().from(uniqueIp());
        sign(person, appeal, email, Map.of());
        String withdraw = mailedPath(email, 1, "/en/appeal/withdraw/");
        Browser.Page done = press(person, withdraw, "main form");
        assertThat(done.status()).isEqualTo(200);
        Browser.Page again = anotherBrowser().get(withdraw);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.text(".lead")).isEqualTo(NOT_VALID);
    }

    @Test
    void aLinkOfLimitedUseIsUsedUpAfterItsLastUse() {
        EmailedLinks.NewLink link = links.create("test-subject", 42, "ONCE", null, 1);
        links.store(List.of(link));
        assertThat(links.find(link.token(), "test-subject", "ONCE")).contains(42L);
        assertThat(links.use(link.token(), "test-subject", "ONCE")).isEqualTo(42);
        assertThatThrownBy(() -> links.use(link.token(), "test-subject", "ONCE")).isInstanceOf(ExpiredLinkException.class);
        assertThat(links.find(link.token(), "test-subject", "ONCE")).isEmpty();
        Map<String, Object> row = db.sql("SELECT uses, used_at FROM emailed_link WHERE token_hash = :hash")
                .param("hash", Tokens.hash(link.token())).query().singleRow();
        assertThat(((Number) row.get("uses")).intValue()).isEqualTo(1);
        assertThat(row.get("used_at")).isNotNull();
    }

    @Test
    void aLinkLeadsOnlyToItsOwnPurposeAndSubjectType() {
        String appeal = newAppeal();
        String email = uniqueEmail("purpose");
        sign(anotherBrowser().from(uniqueIp()), appeal, email, Map.of());
        String confirm = mailedPath(email, 1, "/en/appeal/confirm/");
        String token = confirm.substring("/en/appeal/confirm/".length());
        assertThat(anotherBrowser().get("/en/appeal/withdraw/" + token).status()).isEqualTo(404);
        assertThat(anotherBrowser().get("/en/events/manage/" + token).status()).isEqualTo(404);
        assertThat(links.find(token, "event", "CONFIRM")).isEmpty();
        assertThat(links.find(token, "signature", "WITHDRAW")).isEmpty();
        assertThat(links.find(token, "signature", "CONFIRM")).contains(signatureId(email));
        // only the hash is stored
        assertThat(db.sql("SELECT COUNT(*) FROM emailed_link WHERE token_hash = :token").param("token", token)
                .query(Long.class).single()).isZero();
    }

    @Test
    void openingALinkChangesNothingOnlyItsButtonActs() {
        String campaign = newCampaign();
        String email = uniqueEmail("scanner");
        Browser person = anotherBrowser().from(uniqueIp());
        assertThat(submitEvent(person, campaign, "Scanned " + email, email, Map.of()).status()).isEqualTo(302);
        String manage = mailedPath(email, 1, "/en/events/manage/");
        long event = eventId(email);
        // a mail scanner opens the link, twice
        assertThat(anotherBrowser().get(manage).status()).isEqualTo(200);
        assertThat(anotherBrowser().get(manage).status()).isEqualTo(200);
        assertThat(status(event)).isEqualTo("UNCONFIRMED");
        assertThat(uses("event", event)).isZero();
        press(person, manage, "form.confirm-form");
        assertThat(status(event)).isEqualTo("PENDING");
        assertThat(uses("event", event)).isEqualTo(1);
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'events.confirmed' AND target_id = :id")
                .param("id", String.valueOf(event)).query(Long.class).single()).isEqualTo(1);
    }

    private String status(long event) {
        return db.sql("SELECT status FROM event WHERE id = :id").param("id", event).query(String.class).single();
    }

    private int uses(String type, long subject) {
        return db.sql("SELECT SUM(uses) FROM emailed_link WHERE subject_type = :type AND subject_id = :id")
                .param("type", type).param("id", subject).query(Integer.class).single();
    }
}
