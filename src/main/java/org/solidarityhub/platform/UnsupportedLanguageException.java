package org.solidarityhub.platform;

/** A {@code ?lang=} naming a language the site does not offer. Rendered as 400. */
class UnsupportedLanguageException extends BadInputException {

    UnsupportedLanguageException() {
        super("error.reason.language");
    }
}
