package org.solidarityhub.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page of the current campaign, and the privacy statement. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "platform/home";
    }

    @GetMapping("/privacy")
    String privacy() {
        return "platform/privacy";
    }
}
