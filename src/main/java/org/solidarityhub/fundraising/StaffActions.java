package org.solidarityhub.fundraising;

import java.util.function.Supplier;

import org.solidarityhub.platform.BadInputException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How the treasurers' buttons answer: after the action, back to the page with its outcome as a notice; when the
 * action is refused (a {@link BadInputException}: nothing of it was written), back with the reason as the error.
 */
final class StaffActions {

    private StaffActions() {
    }

    /** Runs the action, which returns the message key of its notice, and redirects to {@code page}. */
    static String run(RedirectAttributes redirect, String page, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (BadInputException e) {
            redirect.addFlashAttribute("error", e.reasonKey());
        }
        return "redirect:" + page;
    }
}
