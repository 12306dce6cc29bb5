package org.solidarityhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.Nodes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes that share nothing but the database, as behind a load balancer (README, "Several nodes"): a staff session
 * started on one is used and ended on the other, limits and sign-in throttles are counted together
 * ({@code app.limits.store=database}), and a change made through one is on the other's public pages within the version
 * memo (the production default of one second). Runs on H2 (shared in memory by the JVM) and, in CI's second pass, on
 * PostgreSQL.
 */
class SeveralNodesTest {

    private static final Duration MEMO = Duration.ofSeconds(1);

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static StaffFixture staff;

    @BeforeAll
    static void startTwoNodes() {
        String[] settings = {"app.limits.store=database", "app.pages.version-memo=" + MEMO.toMillis() + "ms"};
        a = Nodes.start(settings);
        b = Nodes.start(settings);
        staff = a.getBean(StaffFixture.class);
    }

    @AfterAll
    static void stopThem() {
        b.close();
        a.close();
    }

    @Test
    void aStaffSessionStartedOnOneNodeIsUsedOnTheOtherAndSigningOutThereEndsItOnBoth() {
        StaffFixture.Member member = staff.member(email("moderator"), StaffRole.MODERATOR);
        Browser browser = new Browser(Nodes.base(a));
        staff.signIn(browser, member);
        assertThat(sessionsOf(member)).as("the session is in the database").isEqualTo(1);

        Browser.Page onB = browser.get(Nodes.base(b) + "/staff");
        assertThat(onB.status()).isEqualTo(200);
        assertThat(onB.text("h1")).startsWith("Hello, moderator-");

        Browser.Page signedOut = browser.submit(onB, "form.signout", Map.of());
        assertThat(signedOut.location()).endsWith("/staff/login?signedOut");
        assertThat(browser.get(Nodes.base(a) + "/staff").location()).endsWith("/staff/login");
        assertThat(sessionsOf(member)).isZero();
    }

    @Test
    void aLimitExhaustedThroughOneNodeRefusesOnTheOther() {
        String ip = "198.19.250." + ThreadLocalRandom.current().nextInt(1, 255);
        Browser reader = new Browser(Nodes.base(a)).from(ip);
        for (int i = 0; i < 5; i++) { // updates.subscribes-per10-minutes
            assertThat(reader.post("/en/news/subscribe", Map.of("email", email("reader"))).status()).as("subscription " + i).isEqualTo(302);
        }
        Browser.Page refused = reader.post(Nodes.base(b) + "/en/news/subscribe", Map.of("email", email("reader")));
        assertThat(refused.status()).isEqualTo(429);
    }

    @Test
    void signInFailuresThroughOneNodeThrottleTheAccountOnTheOtherExceptInTheMembersKnownBrowser() {
        StaffFixture.Member member = staff.member(email("editor"), StaffRole.EDITOR);
        Browser own = new Browser(Nodes.base(a)).from("198.19.251." + ThreadLocalRandom.current().nextInt(1, 255));
        Browser.Page home = staff.signIn(own, member); // this browser is now known to the account
        own.submit(home, "form.signout", Map.of());

        Browser attacker = new Browser(Nodes.base(a)).from("198.19.252." + ThreadLocalRandom.current().nextInt(1, 255));
        for (int i = 0; i < 5; i++) { // staff.account-failures
            assertThat(passwordStep(attacker, Nodes.base(a), member.email(), "not the password at all").status()).isEqualTo(401);
        }
        assertThat(passwordStep(attacker, Nodes.base(b), member.email(), member.password()).status())
                .as("the account is throttled on the other node too").isEqualTo(429);
        assertThat(passwordStep(own, Nodes.base(b), member.email(), member.password()).location())
                .as("the member's own browser is known on every node").endsWith("/staff/login/code");
    }

    @Test
    void aNewsPostPublishedThroughOneNodeIsOnTheOthersPublicPagesWithinTheVersionMemo() throws Exception {
        Browser reader = new Browser(Nodes.base(a));
        assertThat(reader.get("/en/news").status()).isEqualTo(200);
        assertThat(reader.get("/en/news").header("X-Cache")).as("node A keeps the page").contains("HIT");

        StaffFixture.Member editor = staff.member(email("editor"), StaffRole.EDITOR);
        Browser browser = new Browser(Nodes.base(a));
        staff.signIn(browser, editor);
        String slug = "nodes-" + UUID.randomUUID().toString().substring(0, 8);
        String title = "Published on node B " + slug;
        Browser.Page created = browser.submit(browser.get(Nodes.base(b) + "/staff/news"), "form[action$=/staff/news]",
                Map.of("slug", slug, "language", "en", "title", title, "summary", "", "body", "Through the other node."));
        Browser.Page post = browser.follow(created);
        assertThat(browser.submit(post, "form[action$=/publish]", Map.of()).status()).isEqualTo(302);

        Duration seen = Nodes.seenWithin(MEMO.plusMillis(1500), "node A still shows the news without the post",
                () -> new Browser(Nodes.base(a)).get("/en/news").body().contains(title));
        System.out.println("SeveralNodesTest: the post was on node A's page after " + seen.toMillis() + " ms");
    }

    private static Browser.Page passwordStep(Browser who, String node, String email, String password) {
        return who.submit(who.get(node + "/staff/login"), "form[action$=/staff/login]", Map.of("email", email, "password", password));
    }

    private static long sessionsOf(StaffFixture.Member member) {
        return a.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :name")
                .param("name", member.email().substring(0, member.email().indexOf('@'))).query(Long.class).single();
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
