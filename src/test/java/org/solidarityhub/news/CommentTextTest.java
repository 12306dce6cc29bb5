package org.solidarityhub.news;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentTextTest {

    @Test
    void aCommentIsEscapedTextWithItsParagraphsAndWebAddressesAsNofollowUgcLinks() {
        assertThat(CommentText.html("Hi <b>all</b> & \"you\"\nsee https://example.org/a?b=1&c=2.\n\nBye"))
                .isEqualTo("<p>Hi &lt;b&gt;all&lt;/b&gt; &amp; &quot;you&quot;<br>see <a href=\"https://example.org/a?b=1&amp;c=2\" "
                        + "rel=\"nofollow ugc noopener\">https://example.org/a?b=1&amp;c=2</a>.</p><p>Bye</p>");
    }

    @Test
    void onlyHttpAndHttpsAddressesBecomeLinks() {
        assertThat(CommentText.html("javascript:alert(1) ftp://x.org data:text/html,x")).doesNotContain("<a");
    }
}
