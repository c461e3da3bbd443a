/**
 * Two users, one service: each user's upstream login lives in their own profile (the session scope), so each sees
 * only their own data.
 */
@NullMarked
package dev.springxhr.sample.account;

import org.jspecify.annotations.NullMarked;
