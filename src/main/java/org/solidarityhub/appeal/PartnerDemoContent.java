package org.solidarityhub.appeal;

import java.util.List;

import org.solidarityhub.platform.DemoContent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo partner, from seed 001: ecosocialist.scot, whose members endorsed the statement and republished it, shows
 * the demo appeal's widget on its website and agreed to be shown with its count; a few demo signatures were made there.
 */
@Component
class PartnerDemoContent implements DemoContent {

    static final String SLUG = "ecosocialist-scot";

    private record DemoSigner(String name, String city, String display) {
    }

    private static final List<DemoSigner> SIGNERS = List.of(
            new DemoSigner("Morag Campbell", "Edinburgh", "FULL_NAME"),
            new DemoSigner("Callum Fraser", "Glasgow", "FIRST_NAME_COUNTRY"),
            new DemoSigner("Eilidh MacLeod", "Inverness", "FULL_NAME"),
            new DemoSigner("Ruaridh Stewart", "Dundee", "HIDDEN"),
            new DemoSigner("Kirsty Murray", "Aberdeen", "FULL_NAME"),
            new DemoSigner("Alasdair Reid", "Perth", "HIDDEN"),
            new DemoSigner("Fiona Ross", "Stirling", "FIRST_NAME_COUNTRY"));

    private final AppealDemoContent appealDemo;
    private final Appeals appeals;
    private final PartnerStore partners;
    private final SignatureCounts counts;
    private final TransactionTemplate transaction;

    PartnerDemoContent(AppealDemoContent appealDemo, Appeals appeals, PartnerStore partners, SignatureCounts counts,
                       TransactionTemplate transaction) {
        this.appealDemo = appealDemo;
        this.appeals = appeals;
        this.partners = partners;
        this.counts = counts;
        this.transaction = transaction;
    }

    @Override
    public String name() {
        return "appeal partners";
    }

    @Override
    public int load() {
        appealDemo.load(); // the partner's signatures are on the demo appeal: loads it unless it is there
        if (partners.bySlug(SLUG).isPresent()) {
            return 0;
        }
        Appeal appeal = appeals.bySlug(AppealDemoContent.SLUG).orElseThrow();
        transaction.executeWithoutResult(status -> {
            long partner = partners.insert(SLUG, "ecosocialist.scot", "https://ecosocialist.scot", true);
            Appeal.Revision english = appeals.current(appeal.id(), "en").orElseThrow();
            int n = 0;
            for (DemoSigner s : SIGNERS) {
                appealDemo.insert(appeal, english, "INDIVIDUAL", s.name(), "demo-partner-" + (n++) + "@example.org", "GB", s.city(),
                        s.display(), null, partner);
            }
        });
        counts.recount(appeal.id());
        return 1 + SIGNERS.size();
    }
}
