/**
 * One way to take a public submission: emailed links, the guard (honeypot, limits), field checks, the moderation queue and retention, shared by every feature that takes submissions without an account.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform"})
package org.solidarityhub.submissions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
