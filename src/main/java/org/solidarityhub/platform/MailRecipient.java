package org.solidarityhub.platform;

/**
 * Someone a feature may mail on another feature's behalf (the signers of an appeal who asked for updates, the
 * organizers of a campaign's events): the address, never to be logged, and the language they used.
 */
public record MailRecipient(String address, String language) {
}
