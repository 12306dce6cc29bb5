package org.solidarityhub.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.RateLimits;
import org.solidarityhub.test.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

class GuardTest extends SubmissionsTestSupport {

    @Autowired
    Guard guard;

    private static RateLimits.Limit onePerHour() {
        return new RateLimits.Limit("test-" + UUID.randomUUID(), RateLimits.Limit.per(1, Duration.ofHours(1)));
    }

    @Test
    void overTheLimitAnAcceptingFeatureTakesTheSubmissionAsAnyOther() {
        Guard.Policy policy = Guard.Policy.accept(onePerHour());
        String address = uniqueIp();
        for (int i = 0; i < 3; i++) {
            guard.check(policy, address);
            assertThat(guard.count(policy, address)).as("submission " + i).isFalse();
        }
    }

    @Test
    void overTheLimitAFlaggingFeatureStoresTheSubmissionFlagged() {
        Guard.Policy policy = Guard.Policy.flag(onePerHour());
        String address = uniqueIp();
        guard.check(policy, address);
        assertThat(guard.count(policy, address)).isFalse();
        guard.check(policy, address);
        assertThat(guard.count(policy, address)).isTrue();
        // another address is not affected
        assertThat(guard.count(policy, uniqueIp())).isFalse();

        // the appeal flags: both signatures from one address are stored, the second flagged
        String appeal = newAppeal();
        String ip = uniqueIp();
        String first = uniqueEmail("flag-1");
        String second = uniqueEmail("flag-2");
        assertThat(sign(anotherBrowser().from(ip), appeal, first, Map.of()).location()).endsWith("/signed");
        assertThat(sign(anotherBrowser().from(ip), appeal, second, Map.of()).location()).endsWith("/signed");
        assertThat(flagged(first)).isFalse();
        assertThat(flagged(second)).isTrue();
    }

    @Test
    void overTheLimitARefusingFeatureAnswers429BeforeLookingAtTheInput() {
        Guard.Policy policy = Guard.Policy.refuse(onePerHour(), "events.error.rateLimited");
        String address = uniqueIp();
        guard.check(policy, address);
        assertThat(guard.count(policy, address)).isFalse();
        assertThatThrownBy(() -> guard.check(policy, address))
                .isInstanceOfSatisfying(TooManySubmissions.class, e -> assertThat(e.reasonKey()).isEqualTo("events.error.rateLimited"));
        assertThat(AnnotatedElementUtils.findMergedAnnotation(TooManySubmissions.class, ResponseStatus.class).code())
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        guard.check(policy, uniqueIp());
    }

    @Test
    void aRefusalNeedsItsMessageAndOnlyARefusal() {
        assertThatThrownBy(() -> new Guard.Policy(onePerHour(), OverLimit.REFUSE, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Guard.Policy(onePerHour(), OverLimit.FLAG, "events.error.rateLimited"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignatureWithTheHoneypotFilledLooksLikeSuccessButStoresNothing() {
        String appeal = newAppeal();
        String email = uniqueEmail("bot");
        Browser.Page answer = sign(anotherBrowser().from(uniqueIp()), appeal, email, Map.of(Guard.HONEYPOT, "http://spam.example"));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/en/appeals/" + appeal + "/signed");
        assertThat(db.sql("SELECT COUNT(*) FROM signature WHERE email = :email").param("email", email).query(Long.class).single()).isZero();
        assertThat(mailsTo(email)).isZero();
    }

    @Test
    void anEventWithTheHoneypotFilledLooksLikeSuccessButStoresNothing() {
        String campaign = newCampaign();
        String email = uniqueEmail("event-bot");
        Browser.Page answer = submitEvent(anotherBrowser().from(uniqueIp()), campaign, "Bot " + email, email,
                Map.of(Guard.HONEYPOT, "http://spam.example"));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/en/events/submitted");
        assertThat(db.sql("SELECT COUNT(*) FROM event WHERE contact_email = :email").param("email", email).query(Long.class).single()).isZero();
        assertThat(mailsTo(email)).isZero();
        // the same form without the honeypot is stored
        assertThat(submitEvent(anotherBrowser().from(uniqueIp()), campaign, "Person " + email, email, Map.of()).location())
                .endsWith("/en/events/submitted");
        assertThat(db.sql("SELECT COUNT(*) FROM event WHERE contact_email = :email").param("email", email).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void everySubmissionFormCarriesTheOneHoneypot() {
        String appeal = newAppeal();
        String campaign = newCampaign();
        assertThat(anotherBrowser().get("/en/appeals/" + appeal).doc().select(".honeypot input[name=" + Guard.HONEYPOT + "]")).hasSize(2);
        assertThat(anotherBrowser().get("/en/events/new?campaign=" + campaign).doc()
                .select("form.event-form .honeypot input[name=" + Guard.HONEYPOT + "]")).hasSize(1);
    }

    private boolean flagged(String email) {
        return db.sql("SELECT flagged FROM signature WHERE email = :email").param("email", email).query(Boolean.class).single();
    }
}
