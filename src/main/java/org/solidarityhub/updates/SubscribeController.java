package org.solidarityhub.updates;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.EmailAddresses;
import org.solidarityhub.platform.RateLimits;
import org.solidarityhub.submissions.Guard;
import org.solidarityhub.submissions.LinkButtonPage;
import org.solidarityhub.submissions.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages of the updates, under the language prefix: the subscribe form (honeypot and a limit per address,
 * {@link Guard}), the confirmation behind the emailed link, and the unsubscribe page behind every update's link.
 * Pages behind a link act only on POST (mail scanners open links); the POST of the unsubscribe page is also the
 * one-click unsubscribe of RFC 8058 that mail programs send ({@code List-Unsubscribe=One-Click}), from no page of
 * this site, which the cross-site check lets pass for that path ({@code platform.CrossSiteRequests}).
 */
@Controller
class SubscribeController {

    /** The form. */
    record SubscribeForm(@Nullable String email) {
    }

    static final String RATE_LIMITED = "updates.error.rateLimited";

    private final Subscriptions subscriptions;
    private final Guard guard;
    private final Guard.Policy policy;

    SubscribeController(Subscriptions subscriptions, Guard guard, UpdatesProperties properties) {
        this.subscriptions = subscriptions;
        this.guard = guard;
        this.policy = Guard.Policy.refuse(new RateLimits.Limit("updates.subscribe",
                RateLimits.Limit.per(properties.subscribesPer10Minutes(), Duration.ofMinutes(10))), RATE_LIMITED);
    }

    @GetMapping("/news/subscribe")
    String form(Model model) {
        model.addAttribute("form", new SubscribeForm(""));
        model.addAttribute("errors", java.util.Map.of());
        return "updates/subscribe";
    }

    @PostMapping("/news/subscribe")
    String subscribe(SubscribeForm form, @RequestParam(name = Guard.HONEYPOT, required = false) @Nullable String honeypot,
                     Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (Guard.isBot(honeypot)) {
            return "redirect:/news/subscribe/sent";
        }
        guard.check(policy, request.getRemoteAddr());
        Problems problems = new Problems("updates.error");
        String email = problems.text("email", form.email()).required().maxLength(EmailAddresses.MAX_LENGTH).noControl().value();
        if (email != null && !EmailAddresses.isValid(email)) {
            problems.add("email", "email");
        }
        if (!problems.isEmpty() || email == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("errors", problems.all());
            return "updates/subscribe";
        }
        guard.count(policy, request.getRemoteAddr());
        subscriptions.subscribe(email, locale);
        return "redirect:/news/subscribe/sent";
    }

    @GetMapping("/news/subscribe/sent")
    String sent() {
        return "updates/sent";
    }

    @GetMapping("/news/subscribe/confirm/{token}")
    String confirmPage(@PathVariable String token, Model model) {
        subscriptions.toConfirm(token);
        return LinkButtonPage.view(model, "updates.confirm", "confirm-form", "/news/subscribe/confirm/" + token);
    }

    @PostMapping("/news/subscribe/confirm/{token}")
    String confirm(@PathVariable String token) {
        subscriptions.confirm(token);
        return "redirect:/news/subscribe/confirmed";
    }

    @GetMapping("/news/subscribe/confirmed")
    String confirmed() {
        return "updates/confirmed";
    }

    @GetMapping("/news/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, Model model) {
        subscriptions.checkUnsubscribe(token);
        return LinkButtonPage.view(model, "updates.unsubscribe", "unsubscribe-form", "/news/unsubscribe/" + token);
    }

    /** The button of the page, and the one-click POST of mail programs (RFC 8058): unsubscribed at once. */
    @PostMapping("/news/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token) {
        subscriptions.unsubscribe(token);
        return "updates/unsubscribed";
    }
}
