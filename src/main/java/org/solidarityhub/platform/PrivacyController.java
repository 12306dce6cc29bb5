package org.solidarityhub.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The privacy statement (the front page is the home module's). */
@Controller
class PrivacyController {

    @GetMapping("/privacy")
    String privacy() {
        return "platform/privacy";
    }
}
