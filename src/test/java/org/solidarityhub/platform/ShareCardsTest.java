package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The memory of rendered share cards: a card is drawn once however many readers ask for it at the same moment. */
class ShareCardsTest extends WebTest {

    @Autowired
    ShareCards cards;

    @Test
    void manyReadersAskingForTheSameNewCardAtOnceCostOneDrawing() throws Exception {
        ShareCard card = ShareCard.of("News", "A card of its own " + UUID.randomUUID());
        long before = cards.rendered();
        int readers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<byte[]>> answers = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return cards.bytes(card, Locale.ENGLISH);
                }));
            }
            start.countDown();
            byte[] first = answers.getFirst().get();
            for (Future<byte[]> answer : answers) {
                assertThat(answer.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(cards.rendered() - before).isEqualTo(1);
        cards.bytes(card, Locale.ENGLISH);
        assertThat(cards.rendered() - before).as("from memory").isEqualTo(1);
        cards.bytes(card, Locale.forLanguageTag("uk"));
        assertThat(cards.rendered() - before).as("another language is another card").isEqualTo(2);
    }

    @Test
    void theVersionOfACardChangesExactlyWhenItsImageWould() {
        ShareCard card = ShareCard.of("News", "Same title").withDetails("1 March 2027");

        assertThat(cards.version(card, Locale.ENGLISH)).isEqualTo(cards.version(ShareCard.of("News", "Same title")
                .withDetails("1 March 2027"), Locale.ENGLISH));
        assertThat(cards.version(card, Locale.ENGLISH)).isNotEqualTo(cards.version(card.withBadge("Closed"), Locale.ENGLISH));
        assertThat(cards.version(card, Locale.ENGLISH)).isNotEqualTo(cards.version(card, Locale.forLanguageTag("uk")));
    }
}
