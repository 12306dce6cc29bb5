/**
 * Reports from the actions: a text, an attendance estimate, links, photos and videos sent without an account
 * (through an event's management link, or a campaign's upload page confirmed by email), moderated item by item,
 * then shown on the event's page, in the campaign's gallery, its Atom feed and API.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "submissions", "media", "events", "staff"})
package org.solidarityhub.reports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
