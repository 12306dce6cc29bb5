/**
 * Organizations named by signers and co-organizers, public once verified.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform"})
package org.solidarityhub.organizations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
