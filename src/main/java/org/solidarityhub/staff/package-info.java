/**
 * Staff accounts, two-factor sign-in, invitations and roles.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform"})
package org.solidarityhub.staff;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
