package dev.springxhr.xhr;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.fetch.CredentialsMode;
import dev.springxhr.xhr.internal.fetch.FetchRequest;
import dev.springxhr.xhr.internal.http.AuthorRequestHeaders;
import dev.springxhr.xhr.internal.http.ForbiddenRequestHeaders;
import dev.springxhr.xhr.internal.http.HttpMethods;
import dev.springxhr.xhr.internal.http.HttpTokens;
import dev.springxhr.xhr.internal.transport.RequestBody;
import dev.springxhr.xhr.internal.url.RequestUrl;
import dev.springxhr.xhr.internal.url.RequestUrls;
import dev.springxhr.xhr.internal.url.UrlSyntaxException;

import static dev.springxhr.xhr.XMLHttpRequest.OPENED;

/**
 * The request side of one {@code XMLHttpRequest}, as the author sets it up: the request method and URL of
 * {@code open()} (XHR §3.2), the author request headers (§3.3), the timeout (§3.4) and withCredentials (§3.5.1), each
 * setter with its argument and state rules; and send() steps 4–9, which turn them into the request the fetch gets.
 * Called with the request's lock held.
 */
final class AuthorRequest {

	private final RequestState state;

	private final XhrSettings settings;

	private final XhrOptions options;

	private String method = "GET";

	private volatile @Nullable RequestUrl url;

	private final AuthorRequestHeaders headers = new AuthorRequestHeaders();

	private long timeout;

	private boolean timeoutSetByAuthor;

	private boolean withCredentials;

	private boolean mozBackgroundRequest;

	AuthorRequest(RequestState state, XhrSettings settings, XhrOptions options) {
		this.state = state;
		this.settings = settings;
		this.options = options;
		this.timeout = settings.timeout().toMillis();
	}

	String method() {
		return this.method;
	}

	/** The URL as opened (with userinfo and fragment), or {@code null} before open(). */
	@Nullable RequestUrl url() {
		return this.url;
	}

	long timeout() {
		return this.timeout;
	}

	boolean withCredentials() {
		return this.withCredentials;
	}

	/**
	 * XHR §3.2 open() steps 2–8 and 12: check the method and the URL, then take them; nothing changes when a step
	 * throws.
	 * @param responseTypeSet whether a response type other than {@code ""} is set (forbidden for a synchronous
	 * request of a window)
	 */
	void open(String method, String url, boolean async, @Nullable String username, @Nullable String password,
			boolean responseTypeSet) {
		String normalizedMethod = checkMethod(method);
		RequestUrl parsedUrl = parseUrl(url);
		if (!async && isWindow() && ((this.timeoutSetByAuthor && this.timeout != 0) || responseTypeSet)) {
			throw new DOMException("A synchronous request cannot have a timeout or a responseType in the "
					+ "WINDOW global scope; open it asynchronously, or use GlobalScope.DEDICATED_WORKER",
					DOMException.INVALID_ACCESS_ERROR);
		}
		this.method = normalizedMethod;
		this.url = RequestUrls.withCredentials(parsedUrl, username, password);
		this.headers.clear();
	}

	/** XHR §3.3 setRequestHeader() steps 1–6. */
	void setRequestHeader(String name, String value) {
		if (this.state.readyState() != OPENED) {
			throw new DOMException("setRequestHeader() called in state " + this.state.stateName()
					+ "; call open() first", DOMException.INVALID_STATE_ERROR);
		}
		if (this.state.sendFlag()) {
			throw new DOMException("setRequestHeader() called after send(); set headers before sending",
					DOMException.INVALID_STATE_ERROR);
		}
		String normalized = HttpTokens.normalizeHeaderValue(value);
		if (!HttpTokens.isToken(name)) {
			throw new DOMException("'" + name + "' is not a valid header name", DOMException.SYNTAX_ERROR);
		}
		if (!HttpTokens.isHeaderValue(normalized)) {
			throw new DOMException("The value of header '" + name + "' contains NUL, CR or LF",
					DOMException.SYNTAX_ERROR);
		}
		if (!ForbiddenRequestHeaders.isForbidden(name, normalized)) {
			this.headers.combine(name, normalized);
		}
	}

	/** XHR §3.4 the timeout setter: a send in flight measures the new timeout from its start. */
	void setTimeout(long millis) {
		if (isWindow() && this.state.synchronous()) {
			throw new DOMException("A synchronous request cannot have a timeout in the WINDOW global scope",
					DOMException.INVALID_ACCESS_ERROR);
		}
		this.timeout = millis;
		this.timeoutSetByAuthor = true;
		this.state.timeoutChanged();
	}

	/** XHR §3.5.1 the withCredentials setter. */
	void setWithCredentials(boolean value) {
		if (!this.state.beforeSend()) {
			throw new DOMException("withCredentials can only be set before send(), state is "
					+ this.state.stateName(), DOMException.INVALID_STATE_ERROR);
		}
		this.withCredentials = value;
	}

	boolean mozBackgroundRequest() {
		return this.mozBackgroundRequest;
	}

	/** Firefox's mozBackgroundRequest setter: as withCredentials, only before send(). */
	void setMozBackgroundRequest(boolean value) {
		if (!this.state.beforeSend()) {
			throw new DOMException("mozBackgroundRequest can only be set before send(), state is "
					+ this.state.stateName(), DOMException.INVALID_STATE_ERROR);
		}
		this.mozBackgroundRequest = value;
	}

	/**
	 * XHR §3.5 send() steps 4–9: the body extracted (none for GET and HEAD), the Content-Type it implies or the
	 * author's with its charset corrected, and the credentials mode.
	 * @param body the body as passed to send()
	 * @param uploadListener whether the upload object has listeners
	 * @return the request the fetch gets
	 */
	FetchRequest fetchRequest(@Nullable Object body, boolean uploadListener) {
		boolean noBody = this.method.equals("GET") || this.method.equals("HEAD");
		RequestBody extracted = (body != null && !noBody) ? RequestBodies.extract(body) : null;
		if (extracted != null) {
			String authorContentType = this.headers.get("Content-Type");
			if (authorContentType == null && extracted.contentType() != null) {
				this.headers.combine("Content-Type", extracted.contentType());
			}
			else if (authorContentType != null && extracted.utf8Text()) {
				this.headers.set("Content-Type", RequestBody.correctCharset(authorContentType));
			}
		}
		boolean anonymous = this.options.mozAnon() || this.options.mozSystem();
		CredentialsMode credentialsMode = CredentialsMode.of(
				CredentialsMode.valueOf(this.settings.credentialsPolicy().name()), this.withCredentials, anonymous);
		RequestUrl opened = Objects.requireNonNull(this.url, "open() sets the URL");
		return new FetchRequest(this.method, opened.withoutFragment(), this.headers.toArray(), extracted,
				credentialsMode, this.options.mozSystem() ? null : this.settings.origin(), uploadListener);
	}

	/**
	 * WebIDL's ByteString conversion: a character above U+00FF is a TypeError.
	 * @throws TypeError for such a character
	 * @throws IllegalArgumentException for {@code null}
	 */
	static void requireByteString(String value, String argument) {
		if (value == null) {
			throw new IllegalArgumentException("'" + argument + "' must not be null");
		}
		if (!HttpTokens.isByteString(value)) {
			throw new TypeError("'" + argument + "' must be a ByteString (no character "
					+ "above U+00FF), was '" + value + "'");
		}
	}

	/**
	 * XHR §3.2 open() steps 2–4.
	 * @throws DOMException SyntaxError for a non-token, SecurityError for a forbidden method
	 */
	private static String checkMethod(String method) {
		if (!HttpTokens.isToken(method)) {
			throw new DOMException("'" + method + "' is not a valid HTTP method: it must be a token "
					+ "(letters, digits and !#$%&'*+-.^_`|~)", DOMException.SYNTAX_ERROR);
		}
		if (HttpMethods.isForbidden(method)) {
			throw new DOMException("The method '" + method + "' is forbidden (CONNECT, TRACE and TRACK are)",
					DOMException.SECURITY_ERROR);
		}
		return HttpMethods.normalize(method);
	}

	/** XHR §3.2 open() steps 5–6: relative to the base URL (else the origin); a failure is a SyntaxError. */
	private RequestUrl parseUrl(String url) {
		URI base = (this.settings.baseUrl() != null) ? this.settings.baseUrl() : this.settings.origin();
		try {
			return RequestUrls.parse(url, base);
		}
		catch (UrlSyntaxException ex) {
			throw new DOMException(ex.getMessage(), DOMException.SYNTAX_ERROR);
		}
	}

	private boolean isWindow() {
		return this.settings.globalScope() == GlobalScope.WINDOW;
	}

}
