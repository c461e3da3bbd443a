package dev.springxhr.autoconfigure.profile;

import java.util.Objects;

/**
 * Links an application's {@link XhrProfileWebFilter} to its {@link ScopedXhrFactory}s: the filter binds each
 * inbound exchange's profiles, and every scoped factory sharing the binder finds there the profile the exchange has
 * for it (the same session key for each factory in the {@code session} scope). Profiles bound by another binder —
 * another application in the same JVM, its thread-locals restored on a shared thread — are never used.
 */
public final class XhrProfileBinder {

	private final XhrProfileScope scope;

	/**
	 * Create a binder.
	 * @param scope {@link XhrProfileScope#SESSION} or {@link XhrProfileScope#REQUEST}
	 */
	public XhrProfileBinder(XhrProfileScope scope) {
		this.scope = Objects.requireNonNull(scope, "'scope' must not be null");
		if (scope == XhrProfileScope.APPLICATION) {
			throw new IllegalArgumentException("The application scope is the factory itself");
		}
		CurrentProfile.register();
	}

	/**
	 * Return the scope.
	 * @return the scope of the profiles this binder binds
	 */
	public XhrProfileScope getScope() {
		return this.scope;
	}

	@Override
	public String toString() {
		return "XhrProfileBinder[scope=" + this.scope + "]";
	}

}
