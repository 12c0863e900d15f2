package org.undersigned.endorsement.service;

import org.undersigned.endorsement.EndorsementKind;

/**
 * What a signer asks for, as the service takes it: the REST body ({@code EndorsementSubmission})
 * validated and reduced to what signing needs, so the service knows nothing of HTTP.
 *
 * @param source the partner that brought the signature, or null for the service's own pages
 */
public record NewSignature(
    EndorsementKind kind,
    String name,
    String country,
    String website,
    String contactName,
    String contactEmail,
    boolean anonymous,
    String language,
    String source) {}
