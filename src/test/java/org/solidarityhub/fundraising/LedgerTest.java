package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.BadInputException;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class LedgerTest extends WebTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 19);

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aBalancedTransactionIsPostedWithItsEntriesAndAudited() {
        long fundraiser = LedgerFixture.fundraiser(db, "EUR");
        long id = transactions.execute(s -> ledger.post(gift(fundraiser, 5000)));

        Ledger.Posted posted = ledger.find(id).orElseThrow();
        assertThat(posted.entries()).extracting(e -> e.account() + " " + e.amount())
                .containsExactly("FUNDS 50.00 EUR", "DONATIONS -50.00 EUR");
        assertThat(ledger.balance(fundraiser, Account.DONATIONS, "EUR")).isEqualTo(-5000);
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'fundraising.ledger.posted' AND target_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUnbalancedTransactionIsRefusedAndNothingIsWritten() {
        long fundraiser = LedgerFixture.fundraiser(db, "EUR");
        var unbalanced = new Ledger.NewTransaction(fundraiser, TransactionKind.DONATION, DAY, "gift",
                List.of(Ledger.Entry.of(Account.FUNDS, new Money(5000, "EUR")),
                        Ledger.Entry.of(Account.DONATIONS, new Money(-4999, "EUR"))), null, null, null, null, null);
        var twoCurrencies = new Ledger.NewTransaction(fundraiser, TransactionKind.DONATION, DAY, "gift",
                List.of(Ledger.Entry.of(Account.FUNDS, new Money(5000, "EUR")),
                        Ledger.Entry.of(Account.DONATIONS, new Money(-5000, "USD"))), null, null, null, null, null);

        assertThatThrownBy(() -> transactions.execute(s -> ledger.post(unbalanced))).hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> transactions.execute(s -> ledger.post(twoCurrencies))).hasMessageContaining("unbalanced");
        assertThat(ledger.balances(fundraiser)).isEmpty();
        assertThat(db.sql("SELECT COUNT(*) FROM ledger_transaction WHERE fundraiser_id = :f").param("f", fundraiser)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aReversalPostsTheOppositeEntriesOnceAndPointsToTheOriginal() {
        long fundraiser = LedgerFixture.fundraiser(db, "EUR");
        long id = transactions.execute(s -> ledger.post(gift(fundraiser, 5000)));
        long reversal = transactions.execute(s -> ledger.reverse(id, DAY, "typed twice", null));

        assertThat(ledger.find(reversal).orElseThrow().reversesId()).isEqualTo(id);
        assertThat(ledger.find(id).orElseThrow().reversedBy()).isEqualTo(reversal);
        assertThat(ledger.balances(fundraiser)).isEmpty();
        assertThatThrownBy(() -> transactions.execute(s -> ledger.reverse(id, DAY, "again", null)))
                .isInstanceOf(BadInputException.class).hasMessage("fundraising.error.alreadyReversed");
        assertThatThrownBy(() -> transactions.execute(s -> ledger.reverse(reversal, DAY, "undo", null)))
                .isInstanceOf(BadInputException.class).hasMessage("fundraising.error.reverseReversal");
    }

    @Test
    void theLedgerOffersNoWayToChangeOrDeleteARow() {
        assertThat(Arrays.stream(Ledger.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(m -> m.getName().toLowerCase()))
                .noneMatch(name -> name.contains("update") || name.contains("delete") || name.contains("edit")
                        || name.contains("change") || name.contains("remove"));
    }

    private static Ledger.NewTransaction gift(long fundraiser, long cents) {
        return new Ledger.NewTransaction(fundraiser, TransactionKind.DONATION, DAY, "gift",
                List.of(Ledger.Entry.of(Account.FUNDS, new Money(cents, "EUR")),
                        Ledger.Entry.of(Account.DONATIONS, new Money(-cents, "EUR"))), null, null, null, null, null);
    }
}
