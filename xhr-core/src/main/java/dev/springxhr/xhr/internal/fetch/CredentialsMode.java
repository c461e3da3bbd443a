package dev.springxhr.xhr.internal.fetch;

/**
 * Fetch's credentials mode of a request: whether cookies and HTTP authentication go with it and are stored from its
 * response.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#concept-request-credentials-mode">Fetch §2.2.5 credentials mode</a>
 */
public enum CredentialsMode {

	/** Never. */
	OMIT,

	/** Only while the request and its response are same-origin (and not CORS-tainted). */
	SAME_ORIGIN,

	/** Always. */
	INCLUDE;

	/**
	 * The credentials mode of a request: XHR §3.5 send() step 9 ({@code include} with withCredentials, else
	 * {@code same-origin}), overridden by the factory's policy and by Firefox's {@code mozAnon} (never).
	 * @param policy the factory's credentials policy, as a mode
	 * @param withCredentials the request's {@code withCredentials}
	 * @param anonymous whether the request is anonymous ({@code mozAnon})
	 * @return the mode the request is fetched with
	 */
	public static CredentialsMode of(CredentialsMode policy, boolean withCredentials, boolean anonymous) {
		if (anonymous) {
			return OMIT;
		}
		return switch (policy) {
			case OMIT -> OMIT;
			case INCLUDE -> INCLUDE;
			case SAME_ORIGIN -> withCredentials ? INCLUDE : SAME_ORIGIN;
		};
	}

}
