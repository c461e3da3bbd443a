package dev.springxhr.xhr.internal.url;

import java.util.ArrayList;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The URL Standard's basic URL parser (§4.4), without a state override: a state machine over the input's code
 * points that makes a {@link UrlRecord}, or fails with a {@link UrlSyntaxException}. Queries are encoded as UTF-8
 * (a server has no document encoding). The path steps live in {@link UrlPaths}, the host parser in
 * {@link UrlHosts}.
 *
 * @see <a href="https://url.spec.whatwg.org/#concept-basic-url-parser">URL Standard: basic URL parser</a>
 */
public final class UrlParser {

	static final int EOF = -1;

	enum State {
		SCHEME_START, SCHEME, NO_SCHEME, SPECIAL_RELATIVE_OR_AUTHORITY, PATH_OR_AUTHORITY, RELATIVE, RELATIVE_SLASH,
		SPECIAL_AUTHORITY_SLASHES, SPECIAL_AUTHORITY_IGNORE_SLASHES, AUTHORITY, HOST, PORT, FILE, FILE_SLASH,
		FILE_HOST, PATH_START, PATH, OPAQUE_PATH, QUERY, FRAGMENT
	}

	final int[] input;

	final @Nullable UrlRecord base;

	/** The URL being built. */
	final MutableUrl url = new MutableUrl();

	// The parser's own state.
	final StringBuilder buffer = new StringBuilder();

	private boolean atSignSeen;

	private boolean insideBrackets;

	private boolean passwordTokenSeen;

	int pointer;

	private UrlParser(String input, @Nullable UrlRecord base) {
		this.input = UrlPaths.trimAndRemoveTabsAndNewlines(input);
		this.base = base;
	}

	/**
	 * Parse {@code input} relative to {@code base}.
	 * @param input the URL, as given
	 * @param base the base URL, or {@code null}
	 * @return the URL record
	 * @throws UrlSyntaxException when the URL Standard's parser returns failure
	 */
	public static UrlRecord parse(String input, @Nullable UrlRecord base) {
		return new UrlParser(input, base).run();
	}

	private UrlRecord run() {
		State state = State.SCHEME_START;
		for (this.pointer = 0; this.pointer <= this.input.length; this.pointer++) {
			int c = (this.pointer < this.input.length) ? this.input[this.pointer] : EOF;
			state = step(state, c);
		}
		return this.url.toRecord();
	}

	private State step(State state, int c) {
		return switch (state) {
			case SCHEME_START -> schemeStart(c);
			case SCHEME -> scheme(c);
			case NO_SCHEME -> noScheme(c);
			case SPECIAL_RELATIVE_OR_AUTHORITY -> twoSlashesOr(c, State.RELATIVE);
			case PATH_OR_AUTHORITY -> (c == '/') ? State.AUTHORITY : again(State.PATH);
			case RELATIVE -> relative(c);
			case RELATIVE_SLASH -> relativeSlash(c);
			case SPECIAL_AUTHORITY_SLASHES -> twoSlashesOr(c, State.SPECIAL_AUTHORITY_IGNORE_SLASHES);
			case SPECIAL_AUTHORITY_IGNORE_SLASHES -> (c != '/' && c != '\\') ? again(State.AUTHORITY)
					: State.SPECIAL_AUTHORITY_IGNORE_SLASHES;
			case AUTHORITY -> authority(c);
			case HOST -> host(c);
			case PORT -> port(c);
			case FILE -> UrlPathStates.file(this, c);
			case FILE_SLASH -> UrlPathStates.fileSlash(this, c);
			case FILE_HOST -> UrlPathStates.fileHost(this, c);
			case PATH_START -> UrlPathStates.pathStart(this, c);
			case PATH -> UrlPathStates.path(this, c);
			case OPAQUE_PATH -> UrlPathStates.opaquePath(this, c);
			case QUERY -> UrlPathStates.query(this, c);
			case FRAGMENT -> {
				if (c != EOF) {
					PercentEncodeSet.FRAGMENT.encode(c, Objects.requireNonNull(this.url.fragment));
				}
				yield State.FRAGMENT;
			}
		};
	}

	/** {@code ?} starts the query, {@code #} the fragment: both "set url's … to the empty string" steps. */
	State queryOrFragment(int c) {
		if (c == '?') {
			this.url.startQuery();
			return State.QUERY;
		}
		this.url.startFragment();
		return State.FRAGMENT;
	}

	/** "//" goes on to the authority, past both slashes; anything else is read again in {@code otherwise}. */
	private State twoSlashesOr(int c, State otherwise) {
		if (c == '/' && remainingStartsWith('/')) {
			this.pointer++;
			return State.SPECIAL_AUTHORITY_IGNORE_SLASHES;
		}
		return again(otherwise);
	}

	/** "Decrease pointer by 1" and go to {@code state}: the same code point is read again there. */
	State again(State state) {
		this.pointer--;
		return state;
	}

	private State schemeStart(int c) {
		if (isAsciiAlpha(c)) {
			this.buffer.appendCodePoint(Character.toLowerCase(c));
			return State.SCHEME;
		}
		return again(State.NO_SCHEME);
	}

	private State scheme(int c) {
		if (isAsciiAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
			this.buffer.appendCodePoint(Character.toLowerCase(c));
			return State.SCHEME;
		}
		if (c != ':') {
			// No scheme after all: start over from the first code point.
			this.buffer.setLength(0);
			this.pointer = -1;
			return State.NO_SCHEME;
		}
		this.url.scheme = this.buffer.toString();
		this.buffer.setLength(0);
		if (this.url.scheme.equals("file")) {
			return State.FILE;
		}
		if (this.url.special() && this.base != null && this.base.scheme().equals(this.url.scheme)) {
			return State.SPECIAL_RELATIVE_OR_AUTHORITY;
		}
		if (this.url.special()) {
			return State.SPECIAL_AUTHORITY_SLASHES;
		}
		if (remainingStartsWith('/')) {
			this.pointer++;
			return State.PATH_OR_AUTHORITY;
		}
		this.url.opaquePath = new StringBuilder();
		return State.OPAQUE_PATH;
	}

	private State noScheme(int c) {
		UrlRecord base = this.base;
		if (base == null || (base.hasOpaquePath() && c != '#')) {
			throw new UrlSyntaxException((base == null) ? "it is relative and there is no base URL"
					: "it is relative to a URL that cannot be a base");
		}
		if (base.hasOpaquePath()) {
			this.url.scheme = base.scheme();
			this.url.opaquePath = new StringBuilder(String.valueOf(base.opaquePath()));
			this.url.query = (base.query() != null) ? new StringBuilder(base.query()) : null;
			this.url.startFragment();
			return State.FRAGMENT;
		}
		return again(base.scheme().equals("file") ? State.FILE : State.RELATIVE);
	}

	private State relative(int c) {
		UrlRecord base = base();
		this.url.scheme = base.scheme();
		if (c == '/' || (this.url.special() && c == '\\')) {
			return State.RELATIVE_SLASH;
		}
		this.url.copyAuthority(base);
		this.url.copyPathAndQuery(base);
		if (c == '?' || c == '#') {
			return queryOrFragment(c);
		}
		if (c != EOF) {
			this.url.query = null;
			UrlPaths.shorten(this.url.scheme, this.url.path);
			return again(State.PATH);
		}
		return State.RELATIVE;
	}

	private State relativeSlash(int c) {
		if (this.url.special() && (c == '/' || c == '\\')) {
			return State.SPECIAL_AUTHORITY_IGNORE_SLASHES;
		}
		if (c == '/') {
			return State.AUTHORITY;
		}
		this.url.copyAuthority(base());
		return again(State.PATH);
	}

	private State authority(int c) {
		if (c == '@') {
			if (this.atSignSeen) {
				this.buffer.insert(0, "%40");
			}
			this.atSignSeen = true;
			this.buffer.codePoints().forEach((codePoint) -> {
				if (codePoint == ':' && !this.passwordTokenSeen) {
					this.passwordTokenSeen = true;
					return;
				}
				PercentEncodeSet.USERINFO.encode(codePoint,
						this.passwordTokenSeen ? this.url.password : this.url.username);
			});
			this.buffer.setLength(0);
			return State.AUTHORITY;
		}
		if (endsAuthority(c)) {
			if (this.atSignSeen && this.buffer.isEmpty()) {
				throw new UrlSyntaxException("it has credentials but no host");
			}
			this.pointer -= this.buffer.codePointCount(0, this.buffer.length()) + 1;
			this.buffer.setLength(0);
			return State.HOST;
		}
		this.buffer.appendCodePoint(c);
		return State.AUTHORITY;
	}

	private State host(int c) {
		if (c == ':' && !this.insideBrackets) {
			if (this.buffer.isEmpty()) {
				throw new UrlSyntaxException("it has a port but no host");
			}
			this.url.host = parseHost(this.buffer.toString());
			this.buffer.setLength(0);
			return State.PORT;
		}
		if (endsAuthority(c)) {
			this.pointer--;
			if (this.url.special() && this.buffer.isEmpty()) {
				throw new UrlSyntaxException("a " + this.url.scheme + " URL needs a host");
			}
			this.url.host = parseHost(this.buffer.toString());
			this.buffer.setLength(0);
			return State.PATH_START;
		}
		if (c == '[') {
			this.insideBrackets = true;
		}
		else if (c == ']') {
			this.insideBrackets = false;
		}
		this.buffer.appendCodePoint(c);
		return State.HOST;
	}

	private State port(int c) {
		if (c >= '0' && c <= '9') {
			this.buffer.append((char) c);
			return State.PORT;
		}
		if (!endsAuthority(c)) {
			throw new UrlSyntaxException("the port is not a number");
		}
		if (!this.buffer.isEmpty()) {
			int value = 0;
			for (int i = 0; i < this.buffer.length(); i++) {
				value = value * 10 + (this.buffer.charAt(i) - '0');
				if (value > 65535) {
					throw new UrlSyntaxException("the port is over 65535");
				}
			}
			this.url.port = (value == UrlRecord.defaultPort(this.url.scheme)) ? -1 : value;
			this.buffer.setLength(0);
		}
		return again(State.PATH_START);
	}

	String parseHost(String input) {
		try {
			// An IPv6 address in brackets is parsed as one in any URL; other hosts of a URL that is not special are
			// opaque.
			return (this.url.special() || input.startsWith("[")) ? UrlHosts.parse(input) : UrlHosts.parseOpaque(input);
		}
		catch (IllegalArgumentException ex) {
			throw new UrlSyntaxException(String.valueOf(ex.getMessage()));
		}
	}

	private boolean endsAuthority(int c) {
		return c == EOF || c == '/' || c == '?' || c == '#' || (this.url.special() && c == '\\');
	}

	boolean remainingStartsWith(int c) {
		return this.pointer + 1 < this.input.length && this.input[this.pointer + 1] == c;
	}

	private UrlRecord base() {
		UrlRecord base = this.base;
		if (base == null) {
			throw new IllegalStateException("relative state without a base");
		}
		return base;
	}

	private static boolean isAsciiAlpha(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

}
