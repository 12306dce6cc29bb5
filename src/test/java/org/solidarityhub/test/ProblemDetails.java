package org.solidarityhub.test;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every API error must be: an RFC 9457 problem detail with the members the API has always had. */
public final class ProblemDetails {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemDetails() {
    }

    /**
     * Checks that the answer is a problem detail of this status for this path, in {@code application/problem+json},
     * with a title and a reason, the field messages as an object, and nothing of the server's insides; returns it.
     */
    public static JsonNode assertProblem(Browser.Page page, int status, String path) {
        assertThat(page.status()).as(page.uri() + ": " + page.body()).isEqualTo(status);
        assertThat(page.header("Content-Type")).as(page.uri().toString())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(page.body());
        // no "type" means "about:blank" (RFC 9457 3.1.1): the status says what kind of problem it is
        assertThat(problem.has("type") ? problem.path("type").asString() : "about:blank").isEqualTo("about:blank");
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("instance").asString()).isEqualTo(path);
        // the members the API had before it spoke RFC 9457
        assertThat(problem.path("reason").asString()).isEqualTo(problem.path("detail").asString());
        assertThat(problem.path("errors").isObject()).as(page.body()).isTrue();
        assertThat(page.body()).doesNotContain("Exception", "org.springframework", "org.solidarityhub", "jackson", "\"trace\"");
        return problem;
    }
}
