package dev.springxhr.autoconfigure.profile;

import java.util.List;
import java.util.Objects;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrOptions;
import dev.springxhr.xhr.XhrProfile;

/**
 * A factory built by the auto-configured {@code XhrFactory.Builder} in the {@code session} and {@code request} scopes
 * (the auto-configured {@code XhrFactory} among them): each request it creates
 * carries the profile of the caller — of the web session or the inbound request being served (WebFlux: the Reactor
 * context, put there by {@link XhrProfileWebFilter}; MVC: Spring's {@link RequestContextHolder}) — or, outside an
 * inbound request, a new profile of its own. So a {@code Set-Cookie} answered to one user's request is never sent
 * with another's. Several scoped factories of one {@link XhrProfileBinder} give a caller one profile each, in the
 * {@code session} scope all of the session's key. {@link #forProfile(String)} and the other profile methods reach the
 * underlying factory's profiles.
 */
public final class ScopedXhrFactory implements XhrFactory {

	/** The request attribute of the inbound request's profiles (MVC). */
	static final String REQUEST_ATTRIBUTE = ScopedXhrFactory.class.getName() + ".profile";

	private final XhrFactory factory;

	private final XhrProfileBinder binder;

	/**
	 * Create the factory.
	 * @param factory the factory whose profiles the requests carry
	 * @param binder the binder of the application's profile filter (its scope is this factory's)
	 */
	public ScopedXhrFactory(XhrFactory factory, XhrProfileBinder binder) {
		this.factory = Objects.requireNonNull(factory, "'factory' must not be null");
		this.binder = Objects.requireNonNull(binder, "'binder' must not be null");
	}

	/**
	 * Return the scope.
	 * @return the scope of the profiles of the requests this factory creates
	 */
	public XhrProfileScope getScope() {
		return this.binder.getScope();
	}

	/**
	 * Return the factory whose profiles the requests carry.
	 * @return the underlying factory
	 */
	public XhrFactory getFactory() {
		return this.factory;
	}

	@Override
	public XMLHttpRequest create() {
		return current().create();
	}

	@Override
	public XMLHttpRequest create(XhrOptions options) {
		return current().create(options);
	}

	/**
	 * Return the profile of the caller's requests (of its web session or inbound request; outside one, a new one).
	 * @return the profile
	 */
	@Override
	public XhrProfile getProfile() {
		return current().getProfile();
	}

	@Override
	public XhrFactory forProfile(String key) {
		return this.factory.forProfile(key);
	}

	@Override
	public XhrFactory newProfile() {
		return this.factory.newProfile();
	}

	@Override
	public XhrFactory newProfile(String key) {
		return this.factory.newProfile(key);
	}

	@Override
	public List<XhrProfile> getProfiles() {
		return this.factory.getProfiles();
	}

	@Override
	public boolean removeProfile(String key) {
		return this.factory.removeProfile(key);
	}

	/** The factory of the caller's profile. */
	XhrFactory current() {
		CurrentProfile.Bound bound = CurrentProfile.get();
		if (bound != null && bound.owner() == this.binder) {
			return bound.profiles().of(this.factory);
		}
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			return ((getScope() == XhrProfileScope.SESSION) ? sessionProfiles(attributes)
					: requestProfiles(attributes)).of(this.factory);
		}
		// Outside an inbound request (a scheduled job, a thread of the application's): nobody to share with.
		return this.factory.newProfile();
	}

	private static InboundProfiles requestProfiles(RequestAttributes attributes) {
		// Servlet requests are served on one thread at a time; the attribute is shared by every scoped factory.
		Object existing = attributes.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (existing instanceof InboundProfiles profiles) {
			return profiles;
		}
		InboundProfiles profiles = new InboundProfiles(XhrFactory::newProfile);
		attributes.setAttribute(REQUEST_ATTRIBUTE, profiles, RequestAttributes.SCOPE_REQUEST);
		return profiles;
	}

	private static InboundProfiles sessionProfiles(RequestAttributes attributes) {
		// Creates the session if there is none yet: the profile is the session's.
		String sessionId = attributes.getSessionId();
		synchronized (attributes.getSessionMutex()) {
			Object existing = attributes.getAttribute(SessionProfile.ATTRIBUTE, RequestAttributes.SCOPE_SESSION);
			if (existing instanceof SessionProfile profile) {
				return profile.profiles();
			}
			SessionProfile profile = new SessionProfile(sessionId);
			attributes.setAttribute(SessionProfile.ATTRIBUTE, profile, RequestAttributes.SCOPE_SESSION);
			return profile.profiles();
		}
	}

	@Override
	public String toString() {
		return "ScopedXhrFactory[scope=" + getScope() + ", factory=" + this.factory + "]";
	}

}
