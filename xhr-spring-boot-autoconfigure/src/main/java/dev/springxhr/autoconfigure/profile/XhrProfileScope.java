package dev.springxhr.autoconfigure.profile;

/**
 * How requests made through the auto-configured {@code XhrFactory} get their profile (cookies, CORS-preflight
 * cache): {@code xhr.profiles.scope}.
 */
public enum XhrProfileScope {

	/**
	 * One profile for the whole application, as a browser has one: every caller's requests share its cookies. Only
	 * for a service that calls its upstreams as itself, never on behalf of its users.
	 */
	APPLICATION,

	/**
	 * A profile per web session ({@code WebSession} in WebFlux, {@code HttpSession} in MVC): a user's upstream
	 * session lasts as long as theirs with the service. Requests made outside an inbound request get a profile each.
	 */
	SESSION,

	/**
	 * A profile per inbound request (the default): the requests made while serving one request share cookies (a
	 * login, then the call it allows), and nothing is left for the next caller. Requests made outside an inbound
	 * request get a profile each.
	 */
	REQUEST

}
