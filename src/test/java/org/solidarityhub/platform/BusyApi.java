package org.solidarityhub.platform;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An API address only tests have: it fails as an API does when the site is too busy to store what was sent,
 * which no real request can be made to do on demand.
 */
@RestController
public class BusyApi {

    static final String PATH = "/api/test/busy";

    @PostMapping(PATH)
    void busy() {
        throw new GroupCommit.Busy("no batch committed in time", null);
    }
}
