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
        assertThat(db().sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = :name")
                .param("name", name(member)).query(Integer.class).single()).as("the idle timeout, 2 h").isEqualTo(7200);

        Browser.Page onB = browser.get(Nodes.base(b) + "/staff");
        assertThat(onB.status()).isEqualTo(200);
        assertThat(onB.text("h1")).startsWith("Hello, moderator-");

        Browser.Page signedOut = browser.submit(onB, "form.signout", Map.of());
        assertThat(signedOut.location()).endsWith("/staff/login?signedOut");
        assertThat(browser.get(Nodes.base(a) + "/staff").location()).endsWith("/staff/login");
        assertThat(sessionsOf(member)).isZero();
    }

    @Test
    void aCodeUsedOnOneNodeIsRefusedOnTheOther() {
        StaffFixture.Member member = staff.member(email("treasurer"), StaffRole.TREASURER);
        staff.signIn(new Browser(Nodes.base(a)), member);
        String used = staff.currentCode(member.totpSecret()); // the code node A has just accepted

        Browser replayer = new Browser(Nodes.base(b));
        Browser.Page codeForm = replayer.follow(passwordStep(replayer, Nodes.base(b), member.email(), member.password()));
        Browser.Page replayed = replayer.submit(codeForm, "form[action$=/staff/login/code]", Map.of("code", used));
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayer.get(Nodes.base(b) + "/staff").location()).endsWith("/staff/login");
    }

    @Test
    void publicPagesAndFormsStartNoSessionOnAnyNode() {
        long before = db().sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single();
        for (String node : new String[] {Nodes.base(a), Nodes.base(b)}) {
            Browser reader = new Browser(node).from("198.19.253." + ThreadLocalRandom.current().nextInt(1, 255));
            for (String path : new String[] {"/en", "/en/news", "/en/events", "/en/news/subscribe", "/staff/login"}) {
                assertThat(reader.get(path).setCookies()).as(path).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
            }
            assertThat(reader.post("/en/news/subscribe", Map.of("email", email("reader"))).setCookies()).isEmpty();
        }
        assertThat(db().sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single()).isEqualTo(before);
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
        StaffFixture.Member editor = staff.member(email("editor"), StaffRole.EDITOR);
        Browser browser = new Browser(Nodes.base(a));
        staff.signIn(browser, editor);
        String slug = "nodes-" + UUID.randomUUID().toString().substring(0, 8);
        String title = "Published on node B " + slug;
        Browser.Page created = browser.submit(browser.get(Nodes.base(b) + "/staff/news"), "form[action$=/staff/news]",
                Map.of("slug", slug, "language", "en", "title", title, "summary", "", "body", "Through the other node."));
        Browser.Page post = browser.follow(created);
        String path = "/en/news/" + slug;
        Browser reader = new Browser(Nodes.base(a));
        assertThat(reader.get(path).status()).as("a draft is not public").isEqualTo(404);
        assertThat(browser.submit(post, "form[action$=/publish]", Map.of()).status()).isEqualTo(302);
        Nodes.seenWithin(MEMO.plusMillis(1500), "node A does not show the published post",
                () -> new Browser(Nodes.base(a)).get(path).body().contains(title));
        assertThat(reader.get(path).header("X-Cache")).as("node A keeps the post's page").contains("HIT");

        Browser.Page edited = browser.submit(browser.get(Nodes.base(b) + "/staff/news/" + post.uri().getPath().replaceAll(".*/", "")),
                "form[action$=/texts]", Map.of("title", "Edited on node B " + slug));
        assertThat(edited.status()).isEqualTo(302);
        Duration seen = Nodes.seenWithin(MEMO.plusMillis(1500), "node A still shows the old title",
                () -> new Browser(Nodes.base(a)).get(path).body().contains("Edited on node B " + slug));
        System.out.println("SeveralNodesTest: the edit was on node A's page after " + seen.toMillis() + " ms");
    }

    private static Browser.Page passwordStep(Browser who, String node, String email, String password) {
        return who.submit(who.get(node + "/staff/login"), "form[action$=/staff/login]", Map.of("email", email, "password", password));
    }

    private static long sessionsOf(StaffFixture.Member member) {
        return db().sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :name")
                .param("name", name(member)).query(Long.class).single();
    }

    /** The member's account id, by which the session table names the session's principal (no person's name). */
    private static String name(StaffFixture.Member member) {
        return String.valueOf(member.id());
    }

    private static JdbcClient db() {
        return a.getBean(JdbcClient.class);
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
