package org.solidarityhub.appeal;

import java.util.Locale;

import org.solidarityhub.platform.PlatformProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The pages behind a signature's emailed links. The GET page shows what will happen and a button; only the
 * POST confirms or withdraws, so mail scanners that open links change nothing. A link that does not work gets
 * the platform's one "link not valid" page.
 */
@Controller
class SignatureLinkController {

    private final Appeals appeals;
    private final SignatureLinks signatureLinks;
    private final AppealProperties properties;
    private final AppealStore store;
    private final PlatformProperties platform;

    SignatureLinkController(Appeals appeals, SignatureLinks signatureLinks, AppealProperties properties, AppealStore store,
                            PlatformProperties platform) {
        this.appeals = appeals;
        this.signatureLinks = signatureLinks;
        this.properties = properties;
        this.store = store;
        this.platform = platform;
    }

    @GetMapping("/appeal/confirm/{token}")
    String confirmPage(@PathVariable String token, Model model) {
        AppealStore.LinkTarget target = signatureLinks.target(token, SignatureLinks.CONFIRM);
        model.addAttribute("appeal", appeals.find(target.appealId()).orElseThrow());
        model.addAttribute("alreadyConfirmed", "CONFIRMED".equals(target.status()));
        return "appeal/confirm";
    }

    @PostMapping("/appeal/confirm/{token}")
    String confirm(@PathVariable String token, Locale locale, Model model) {
        SignatureLinks.Confirmed confirmed = signatureLinks.confirm(token);
        Appeal appeal = appeals.find(confirmed.signature().appealId()).orElseThrow();
        model.addAttribute("appeal", appeal);
        model.addAttribute("revision", appeals.currentFor(appeal, locale));
        model.addAttribute("countInterval", properties.countInterval().toSeconds());
        // a flagged signature or an organization not yet verified counts only once staff have looked at it
        model.addAttribute("hold", store.hold(confirmed.signature().signatureId()).name());
        model.addAttribute("shareUrl", AppealController.shareUrl(platform, appeal));
        return "appeal/confirmed";
    }

    @GetMapping("/appeal/withdraw/{token}")
    String withdrawPage(@PathVariable String token, Locale locale, Model model) {
        AppealStore.LinkTarget target = signatureLinks.target(token, SignatureLinks.WITHDRAW);
        Appeal appeal = appeals.find(target.appealId()).orElseThrow();
        model.addAttribute("appeal", appeal);
        model.addAttribute("revision", appeals.currentFor(appeal, locale));
        return "appeal/withdraw";
    }

    @PostMapping("/appeal/withdraw/{token}")
    String withdraw(@PathVariable String token, Locale locale, Model model) {
        Appeal appeal = appeals.find(signatureLinks.withdraw(token).appealId()).orElseThrow();
        model.addAttribute("appeal", appeal);
        model.addAttribute("revision", appeals.currentFor(appeal, locale));
        return "appeal/withdrawn";
    }
}
