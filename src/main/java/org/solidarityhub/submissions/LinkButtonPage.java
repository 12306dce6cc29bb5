package org.solidarityhub.submissions;

import org.springframework.ui.Model;

/**
 * The one page behind an emailed link that acts (confirm a subscription or a sign-up, leave, unsubscribe): the GET
 * shows what will happen and a button, the POST of the button acts, so that a mail scanner opening the link changes
 * nothing. Template {@code submissions/link-button.html}.
 */
public final class LinkButtonPage {

    private LinkButtonPage() {
    }

    /**
     * Fills the page and returns its view.
     *
     * @param keys      the message keys' stem: {@code <keys>.title}, {@code .text} and {@code .button}
     * @param formClass the form's class (what tests and scripts find it by)
     * @param action    the path the button posts to (the link's own path)
     */
    public static String view(Model model, String keys, String formClass, String action) {
        model.addAttribute("page", keys);
        model.addAttribute("formClass", formClass);
        model.addAttribute("action", action);
        return "submissions/link-button";
    }
}
