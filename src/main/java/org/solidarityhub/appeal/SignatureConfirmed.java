package org.solidarityhub.appeal;

/** Published when a signer confirmed a signature by the emailed link. Carries no personal data. */
public record SignatureConfirmed(long appealId, long signatureId, String kind, String country) {
}
