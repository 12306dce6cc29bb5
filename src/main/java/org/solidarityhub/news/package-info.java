/**
 * News: posts written by editors in Markdown per language (draft, scheduled, published; revisions; tags; images
 * through media; cards of campaigns, appeals and events), the public list, post pages, Atom feeds and API, and
 * readers' comments (confirmed by email once per address, moderated in the shared queue). Other features use only
 * {@link org.solidarityhub.news.NewsPosts}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "submissions", "media", "events", "appeal", "fundraising", "staff"})
package org.solidarityhub.news;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
