package org.solidarityhub.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailKeyTest {

    @Test
    void comparesAddressesWithoutCaseTagsOrGmailDots() {
        assertThat(EmailKey.normalize(" Olena.K+appeal@Example.ORG ")).isEqualTo("olena.k@example.org");
        assertThat(EmailKey.normalize("o.l.e.n.a+x@gmail.com")).isEqualTo("olena@gmail.com");
        assertThat(EmailKey.normalize("Olena@GoogleMail.com")).isEqualTo("olena@gmail.com");
        assertThat(EmailKey.hash("olena@gmail.com")).isEqualTo(EmailKey.hash("O.Lena+petition@googlemail.com"));
    }

    @Test
    void keepsDotsOutsideGmailAndDistinguishesDifferentPeople() {
        assertThat(EmailKey.hash("a.b@example.org")).isNotEqualTo(EmailKey.hash("ab@example.org"));
        assertThat(EmailKey.hash("olena@example.org")).isNotEqualTo(EmailKey.hash("olena@example.com"));
    }

    @Test
    void storesOnlyAHashNotTheAddress() {
        assertThat(EmailKey.hash("olena@example.org")).matches("[0-9a-f]{64}").doesNotContain("olena");
    }
}
