/**
 * The campaign's front page ({@code /}): the appeal with its count, the week of action's next events, the newest
 * reports, fundraising progress and the latest news, each read through its feature's public facade. No feature
 * depends on it.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "appeal", "events", "reports", "fundraising", "news"})
package org.solidarityhub.home;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
