package org.solidarityhub.platform;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Input the site refuses, answered with 400 and the localized message {@link #reasonKey()}.
 * Features throw it (or a subclass) for input that a form cannot re-display.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class BadInputException extends RuntimeException {

    private final String reasonKey;

    public BadInputException(String reasonKey) {
        super(reasonKey, null, false, false);
        this.reasonKey = reasonKey;
    }

    public String reasonKey() {
        return reasonKey;
    }
}
