/**
 * Fundraising: fundraisers with their needs, donations, purchases and deliveries, kept in an append-only
 * double-entry ledger from which every balance and public figure is summed (docs/fundraising.md). Treasurers
 * work under /staff/fundraising; a purchase or a correction above {@code fundraising.four-eyes-above} waits for a
 * second treasurer.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "submissions", "media", "organizations", "events", "staff"})
package org.solidarityhub.fundraising;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
