package org.solidarityhub.submissions;

import org.solidarityhub.platform.BadInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A submission refused by a {@link OverLimit#REFUSE} limit: 429 with the feature's localized reason. */
@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
public class TooManySubmissions extends BadInputException {

    public TooManySubmissions(String reasonKey) {
        super(reasonKey);
    }
}
