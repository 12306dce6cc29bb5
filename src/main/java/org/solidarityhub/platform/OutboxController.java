package org.solidarityhub.platform;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Admins read the outbox: on a site without SMTP this is where every mail can be followed. */
@Controller
@RequestMapping("/staff/outbox")
@PreAuthorize("hasRole('ADMIN')")
class OutboxController {

    static final int PAGE_SIZE = 50;

    private final Outbox outbox;
    private final OutboxHealth health;

    OutboxController(Outbox outbox, OutboxHealth health) {
        this.outbox = outbox;
        this.health = health;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int safePage = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("mails", outbox.recent(PAGE_SIZE + 1, safePage * PAGE_SIZE));
        model.addAttribute("page", safePage);
        model.addAttribute("pageSize", PAGE_SIZE);
        OutboxHealth.State state = health.state();
        model.addAttribute("smtp", state.smtp());
        model.addAttribute("health", state);
        return "platform/staff/outbox";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("mail", outbox.find(id).orElseThrow(() ->
                new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND)));
        return "platform/staff/mail";
    }
}
