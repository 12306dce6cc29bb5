package org.solidarityhub.fundraising;

import java.util.List;

import org.solidarityhub.platform.BadInputException;

/** A bank import step that is not taken (nothing written), with the message key of the reason and its arguments. */
class ImportRefused extends BadInputException {

    private final List<Object> arguments;

    ImportRefused(String reasonKey, Object... arguments) {
        super(reasonKey);
        this.arguments = List.of(arguments);
    }

    List<Object> arguments() {
        return arguments;
    }
}
