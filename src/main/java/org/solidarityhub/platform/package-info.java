/**
 * The platform every feature stands on: security, layout, languages, errors, input screening, outbox, audit log, scheduler locks, countries, Markdown, rate limits.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package org.solidarityhub.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
