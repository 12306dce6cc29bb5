package org.solidarityhub.fundraising;

import java.util.List;

import org.solidarityhub.platform.BadInputException;

/**
 * An amount, a currency or a rate the ledger refuses, with the message key of the reason
 * ({@code fundraising.amount.*}, {@code fundraising.currency.*}, {@code fundraising.rate.*}) and its arguments.
 */
public class MoneyException extends BadInputException {

    private final List<Object> arguments;

    public MoneyException(String reasonKey, Object... arguments) {
        super(reasonKey);
        this.arguments = List.of(arguments);
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** The key without its {@code fundraising.} prefix, for {@code new Problems("fundraising")}. */
    public String suffix() {
        return reasonKey().substring("fundraising.".length());
    }
}
