package org.solidarityhub.submissions;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff's one queue page: what waits for a moderator in every feature that registered a queue. */
@Controller
@PreAuthorize("hasRole('MODERATOR')")
class QueueController {

    /** What the page shows of each feature's queue. */
    record Section(String titleKey, String staffPage, long waiting, List<ModerationQueue.Waiting> oldest) {
    }

    static final int SHOWN_PER_FEATURE = 20;

    private final List<ModerationQueue> queues;

    QueueController(List<ModerationQueue> queues) {
        this.queues = queues;
    }

    @GetMapping("/staff/queue")
    String queue(Model model) {
        model.addAttribute("sections", queues.stream()
                .map(q -> new Section(q.titleKey(), q.staffPage(), q.waiting(), q.oldest(SHOWN_PER_FEATURE)))
                .toList());
        return "submissions/staff/queue";
    }
}
