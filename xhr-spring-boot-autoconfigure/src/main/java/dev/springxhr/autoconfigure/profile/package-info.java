/**
 * Profiles on a server: how requests made through the auto-configured {@code XhrFactory} get their browser state
 * ({@code xhr.profiles.scope}), and where profiles keep their cookies ({@code xhr.profiles.cookie-store}).
 */
@NullMarked
package dev.springxhr.autoconfigure.profile;

import org.jspecify.annotations.NullMarked;
