package org.solidarityhub.appeal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.solidarityhub.submissions.EmailKey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidarityhub.organizations.Organization;
import org.solidarityhub.organizations.Organizations;
import org.solidarityhub.platform.PlatformProperties;
import org.solidarityhub.platform.Timestamps;
import org.solidarityhub.submissions.EmailKey;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo appeal, from the seed texts: the European Network for Solidarity with Ukraine's call for a global
 * week of action, in two English revisions (the figure of deported children was updated), Ukrainian, and French and
 * Dutch as the Brussels organizers would publish them (demo translations, {@code demo/appeal-xx.md}: the title, an
 * empty line, the Markdown text, which says that it is a demo translation), signed by the organizations the seeds
 * name. Loaded once when {@code app.demo} is true.
 */
@Component
class AppealDemoContent {

    static final String SLUG = "global-week-of-action";
    private static final Logger log = LoggerFactory.getLogger(AppealDemoContent.class);

    static final String TITLE_EN = "Stop the Russian war of aggression! Peace for Ukraine!";
    static final String BODY_EN_1 = """
            Friday February 24 will mark one year since the Russian army invaded Ukraine on the orders of Putin and his regime. \
            A year of indescribable suffering and bloodshed for the Ukrainian people.

            The completely unjustified invasion has already cost the lives of many tens of thousands of Ukrainian civilians and \
            military personnel. Every day the Ukrainian people face brutality and violence. Millions of civilians have been forced \
            to flee abroad, millions are internally displaced.

            Entire towns and villages have been reduced to rubble by Russian bombing and airstrikes. Civilian infrastructure \
            (electricity and heating networks, schools, hospitals, railroads, ports, etc.) is being systematically destroyed, \
            making the country unlivable.

            Putin wants to make an independent and livable Ukraine impossible:

            - The Russian army has committed mass murders of civilians and Ukrainian soldiers in many places. The fate of many \
            thousands is still unknown. With every liberation of a Ukrainian village or town, new crimes come to light.
            - A great many Ukrainian citizens (including hundreds of thousands of children) have been deported, without \
            permission and often by force, to the territory of Russia.

            The Ukrainian people rightly refuse to be passive victims of this war of aggression and actively and massively resist \
            the invasion, with or without arms in hand. Very widespread mutual solidarity and self-organization of the population \
            plays a crucial role in enabling this resistance to continue, as does international support in many different forms.

            The killing of the Ukrainian people before the eyes of the world and the destruction of independent Ukraine must stop! \
            The loudest possible international protest against the Russian invasion and the widest possible solidarity with the \
            Ukrainian people is more necessary than ever.

            **We, organizations and individuals from all over the world, launch a call to make the week of February 24 a global \
            week of action against the Russian invasion and for solidarity with Ukraine.**

            - **Peace for Ukraine, no to the Russian war! Immediate cessation of bombing by the Russian military and withdrawal of \
            all Russian troops from Ukraine.**
            - **The widest possible support for and solidarity with the Ukrainian people in their justified resistance to the \
            Russian invasion.**
            """;
    static final String BODY_EN_2 = BODY_EN_1.replace("(including hundreds of thousands of children)",
            "(including over 700 thousand children)");
    static final String TITLE_UK = "Зупинити загарбницьку війну Росії! Мир для України!";
    static final String BODY_UK = """
            П'ятниця, 24 лютого, — рік відтоді, як російська армія за наказом Путіна та його режиму вторглася в Україну. \
            Рік невимовних страждань і кровопролиття для українського народу.

            Цілком невиправдане вторгнення вже коштувало життя багатьом десяткам тисяч українських цивільних і військових. \
            Мільйони цивільних були змушені тікати за кордон, мільйони стали внутрішньо переміщеними особами.

            Цілі міста й села зруйновано російськими бомбардуваннями. Цивільну інфраструктуру (електро- й теплові мережі, \
            школи, лікарні, залізниці, порти) систематично знищують, щоб зробити країну непридатною для життя.

            Український народ слушно відмовляється бути пасивною жертвою цієї загарбницької війни і масово чинить опір \
            вторгненню — зі зброєю в руках і без неї. Широка взаємодопомога і самоорганізація населення, як і міжнародна \
            підтримка в різних формах, відіграють вирішальну роль у тому, щоб цей опір тривав.

            **Ми, організації та окремі люди з усього світу, закликаємо зробити тиждень від 24 лютого глобальним тижнем дій \
            проти російського вторгнення і на підтримку України.**

            - **Мир для України, ні російській війні! Негайне припинення бомбардувань російською армією і виведення всіх \
            російських військ з України.**
            - **Найширша підтримка українського народу і солідарність з ним у його справедливому опорі російському вторгненню.**

            *Переклад звернення ще доповнюється; повний текст — англійською.*
            """;

    /** The languages of the demo translations beside English and Ukrainian. */
    static final List<String> DEMO_TRANSLATIONS = List.of("fr", "nl");

    private record DemoOrganization(String name, String country, String website) {
    }

    private static final List<DemoOrganization> SIGNERS = List.of(
            new DemoOrganization("European Network for Solidarity with Ukraine", "BE", null),
            new DemoOrganization("Promote Ukraine", "BE", null),
            new DemoOrganization("The Union of Ukrainian Women in Belgium", "BE", null),
            new DemoOrganization("ecosocialist.scot", "GB", "https://ecosocialist.scot"),
            new DemoOrganization("Solidarity Collectives", "UA", "https://www.solidaritycollectives.org/en/"));

    private record DemoPerson(String name, String country, String city, String display) {
    }

    private static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("Olena Kovalenko", "BE", "Brussels", "FULL_NAME"),
            new DemoPerson("Mark Thompson", "GB", "Glasgow", "FIRST_NAME_COUNTRY"),
            new DemoPerson("Anna Nowak", "PL", "Warsaw", "FULL_NAME"),
            new DemoPerson("Jonas Peeters", "BE", "Ghent", "HIDDEN"),
            new DemoPerson("Iryna Bondar", "UA", "Lviv", "FULL_NAME"));

    private final PlatformProperties platform;
    private final Appeals appeals;
    private final Organizations organizations;
    private final SignatureCounts counts;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final java.time.Clock clock;

    AppealDemoContent(PlatformProperties platform, Appeals appeals, Organizations organizations, SignatureCounts counts,
                      JdbcClient db, TransactionTemplate transaction, java.time.Clock clock) {
        this.platform = platform;
        this.appeals = appeals;
        this.organizations = organizations;
        this.counts = counts;
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (platform.demo() && load()) {
            log.info("Loaded the demo appeal at /appeals/{}", SLUG);
        }
    }

    /** Loads the demo appeal unless it exists; returns whether it did. */
    boolean load() {
        if (appeals.bySlug(SLUG).isPresent()) {
            return false;
        }
        Appeal appeal = transaction.execute(status -> {
            Appeal created = appeals.create(SLUG, "en", 10_000, TITLE_EN, BODY_EN_1, "demo");
            appeals.revise(created.id(), "en", TITLE_EN, BODY_EN_2, "Updated figure of deported children", "demo");
            appeals.revise(created.id(), "uk", TITLE_UK, BODY_UK, "Ukrainian translation (partial)", "demo");
            for (String language : DEMO_TRANSLATIONS) {
                String[] text = demoTranslation(language);
                appeals.revise(created.id(), language, text[0], text[1], "Demo translation", "demo");
            }
            Appeal.Revision english = appeals.current(created.id(), "en").orElseThrow();
            int n = 0;
            for (DemoOrganization o : SIGNERS) {
                Organization organization = organizations.findOrCreate(o.name(), o.country(), o.website());
                organizations.verify(organization.id());
                insert(created, english, "ORGANIZATION", "Contact person", "demo-org-" + (n++) + "@example.org", o.country(), null,
                        "FULL_NAME", organization.id(), null);
            }
            for (DemoPerson p : PEOPLE) {
                insert(created, english, "INDIVIDUAL", p.name(), "demo-person-" + (n++) + "@example.org", p.country(), p.city(),
                        p.display(), null, null);
            }
            return created;
        });
        counts.recount(appeal.id());
        return true;
    }

    /** The title and the text of the demo translation into this language ({@code demo/appeal-xx.md}). */
    private static String[] demoTranslation(String language) {
        String file = "/demo/appeal-" + language + ".md";
        try (InputStream in = AppealDemoContent.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the class path");
            }
            String[] parts = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R", 2);
            return new String[] {parts[0].strip(), parts[1].strip()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A confirmed demo signature; {@code partnerId}: the partner whose widget it was made in, if any. */
    void insert(Appeal appeal, Appeal.Revision revision, String kind, String name, String email, String country,
                String city, String display, Long organizationId, Long partnerId) {
        db.sql("""
                        INSERT INTO signature (appeal_id, revision_id, language, kind, status, name, email, email_key_hash,
                            country, city, display, organization_id, review, comment, comment_status, updates, flagged,
                            mails_sent, ip_hex, counted, needs_count, state_version, created_at, confirmed_at, partner_id)
                        VALUES (:appeal, :revision, 'en', :kind, 'CONFIRMED', :name, :email, :key, :country, :city, :display,
                            :organization, :review, NULL, 'NONE', FALSE, FALSE, 0, NULL, FALSE, TRUE, 1, :now, :now, :partner)""")
                .param("appeal", appeal.id()).param("revision", revision.id()).param("kind", kind).param("name", name)
                .param("email", email).param("key", EmailKey.hash(email)).param("country", country).param("city", city)
                .param("display", display).param("organization", organizationId).param("partner", partnerId)
                .param("review", organizationId == null ? "NONE" : "VERIFIED")
                .param("now", Timestamps.toDb(clock.instant()))
                .update();
    }
}
