package org.solidarityhub.appeal;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The moderators' pages of an appeal: what waits for a decision, the decisions, and the search from which
 * signatures are invalidated. The rules are {@link SignatureModeration}'s.
 */
@Controller
@RequestMapping("/staff/appeals/{id}")
@PreAuthorize("hasRole('MODERATOR')")
class SignatureModerationController {

    private final Appeals appeals;
    private final SignatureModeration moderation;

    SignatureModerationController(Appeals appeals, SignatureModeration moderation) {
        this.appeals = appeals;
        this.moderation = moderation;
    }

    @GetMapping("/review")
    String review(@PathVariable long id, Model model) {
        heading(id, model);
        SignatureModeration.Waiting waiting = moderation.waiting(id);
        model.addAttribute("organizations", waiting.organizations());
        model.addAttribute("comments", waiting.comments());
        model.addAttribute("flagged", waiting.flagged());
        return "appeal/staff/review";
    }

    @PostMapping("/signatures/{signature}/{action}")
    String decide(@PathVariable long id, @PathVariable long signature, @PathVariable String action, RedirectAttributes redirect) {
        appeal(id);
        SignatureModeration.Decision decision = SignatureModeration.Decision.of(action)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean done = moderation.decide(id, signature, decision);
        redirect.addFlashAttribute(done ? "notice" : "error", done ? "appeal.staff.done" : "appeal.staff.nothingToDo");
        return "redirect:/staff/appeals/" + id + "/review";
    }

    @GetMapping("/search")
    String search(@PathVariable long id, @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String domain,
                  @RequestParam(defaultValue = "") String ip, HttpServletResponse response, Model model) {
        heading(id, model);
        model.addAttribute("email", email);
        model.addAttribute("domain", domain);
        model.addAttribute("ip", ip);
        SignatureModeration.Search search = moderation.search(id, email, domain, ip);
        if (search.problem() != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", search.problem());
        }
        model.addAttribute("results", search.results());
        if (search.searched()) {
            model.addAttribute("searched", true);
        }
        return "appeal/staff/search";
    }

    @PostMapping("/invalidate")
    String invalidate(@PathVariable long id, @RequestParam(name = "ids", required = false) @Nullable List<Long> ids,
                      @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        appeal(id);
        SignatureModeration.Invalidation invalidation = moderation.invalidate(id, ids, reason);
        if (invalidation.problem() != null) {
            redirect.addFlashAttribute("error", invalidation.problem());
        } else {
            redirect.addFlashAttribute("notice", "appeal.staff.invalidated");
            redirect.addFlashAttribute("invalidatedCount", invalidation.changed());
        }
        return "redirect:/staff/appeals/" + id + "/search";
    }

    private void heading(long id, Model model) {
        Appeal appeal = appeal(id);
        model.addAttribute("appeal", appeal);
        model.addAttribute("title", appeals.title(appeal));
    }

    private Appeal appeal(long id) {
        return appeals.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
