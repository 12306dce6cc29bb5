/**
 * The week of action: campaigns, events submitted without an account, moderation, list, map, calendar and feeds.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "organizations", "submissions", "staff", "media"})
package org.solidarityhub.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
