package org.solidarityhub.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An emailed link that is unknown, already used or expired: 404 with a message that says so. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ExpiredLinkException extends BadInputException {

    public ExpiredLinkException() {
        super("error.reason.link");
    }
}
