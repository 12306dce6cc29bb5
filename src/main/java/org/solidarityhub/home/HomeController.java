package org.solidarityhub.home;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page of the current campaign. */
@Controller
class HomeController {

    private final FrontPage front;

    HomeController(FrontPage front) {
        this.front = front;
    }

    @GetMapping("/")
    String home(Locale locale, Model model) {
        model.addAttribute("front", front.read(locale));
        return "home/home";
    }
}
