/**
 * Updates to supporters (the newsletter, issue 13): subscriptions on the news page with double opt-in, audiences
 * (subscribers, an appeal's signers who asked for updates, a campaign's event organizers), a post of the news sent
 * by mail through the outbox as bulk mail, one-click unsubscribe (RFC 8058), progress for editors. docs/news.md.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "submissions", "appeal", "events", "staff", "news"})
package org.solidarityhub.updates;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
