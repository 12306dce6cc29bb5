/**
 * The appeal: texts and revisions, signing with double opt-in, counts, signatories and moderation.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "organizations", "submissions", "staff"})
package org.solidarityhub.appeal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
