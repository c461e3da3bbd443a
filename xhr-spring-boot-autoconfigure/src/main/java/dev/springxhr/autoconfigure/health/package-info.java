/**
 * Auto-configuration of the {@code xhr} health indicator.
 */
@NullMarked
package dev.springxhr.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
