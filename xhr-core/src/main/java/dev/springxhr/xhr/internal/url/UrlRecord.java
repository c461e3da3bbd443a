package dev.springxhr.xhr.internal.url;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A URL record of the URL Standard (§4.1), as its basic URL parser ({@link UrlParser}) makes it: every component
 * already in its one serialized spelling (percent-encoded, the host parsed and serialized). Immutable.
 *
 * @param scheme the scheme, lower case
 * @param username the username, percent-encoded ("" when none)
 * @param password the password, percent-encoded ("" when none)
 * @param host the serialized host ({@code [..]} around IPv6), "" for an empty host, {@code null} for none
 * @param port the port, or -1 for none (a special scheme's default port is none)
 * @param path the path segments; empty when the URL has an opaque path
 * @param opaquePath the opaque path ({@code data:text/plain,x} has {@code text/plain,x}), or {@code null}
 * @param query the query without its {@code ?}, or {@code null} for none
 * @param fragment the fragment without its {@code #}, or {@code null} for none
 * @see <a href="https://url.spec.whatwg.org/#concept-url">URL Standard: URL record</a>
 */
public record UrlRecord(String scheme, String username, String password, @Nullable String host, int port,
		List<String> path, @Nullable String opaquePath, @Nullable String query, @Nullable String fragment) {

	/** The special schemes and their default ports (-1: {@code file}, which has none). */
	static int defaultPort(String scheme) {
		return switch (scheme) {
			case "http", "ws" -> 80;
			case "https", "wss" -> 443;
			case "ftp" -> 21;
			default -> -1;
		};
	}

	/** Whether the scheme is one of the URL Standard's special schemes. */
	static boolean isSpecial(String scheme) {
		return switch (scheme) {
			case "http", "https", "ws", "wss", "ftp", "file" -> true;
			default -> false;
		};
	}

	public UrlRecord {
		Objects.requireNonNull(scheme, "scheme");
		path = List.copyOf(path);
	}

	/** Whether the scheme is special ({@code http}, {@code https}, {@code ws}, {@code wss}, {@code ftp}, {@code file}). */
	public boolean special() {
		return isSpecial(this.scheme);
	}

	/** Whether the URL has an opaque path (it is not special and no {@code /} follows its scheme). */
	public boolean hasOpaquePath() {
		return this.opaquePath != null;
	}

	/** Whether the URL has a username or a password. */
	public boolean includesCredentials() {
		return !this.username.isEmpty() || !this.password.isEmpty();
	}

	/** The URL serializer (§4.5). */
	public String href() {
		return serialize(false);
	}

	/**
	 * The URL serializer (§4.5).
	 * @param excludeFragment whether to leave out the fragment, as a request's URL does
	 */
	public String serialize(boolean excludeFragment) {
		StringBuilder out = appendSchemeAndAuthority(new StringBuilder(64));
		out.append(pathname());
		if (this.query != null) {
			out.append('?').append(this.query);
		}
		if (!excludeFragment && this.fragment != null) {
			out.append('#').append(this.fragment);
		}
		return out.toString();
	}

	/**
	 * The URL serializer's steps before the path: the scheme, then the credentials, host and port; or, for a path
	 * that starts with "//" and no host, "/." so that it does not read as an authority.
	 */
	StringBuilder appendSchemeAndAuthority(StringBuilder out) {
		out.append(this.scheme).append(':');
		if (this.host != null) {
			out.append("//");
			if (includesCredentials()) {
				out.append(this.username);
				if (!this.password.isEmpty()) {
					out.append(':').append(this.password);
				}
				out.append('@');
			}
			out.append(this.host);
			if (this.port >= 0) {
				out.append(':').append(this.port);
			}
		}
		else if (this.opaquePath == null && this.path.size() > 1 && this.path.get(0).isEmpty()) {
			out.append("/.");
		}
		return out;
	}

	/** The URL path serializer: the opaque path, or {@code /} before every segment. */
	public String pathname() {
		if (this.opaquePath != null) {
			return this.opaquePath;
		}
		StringBuilder out = new StringBuilder();
		for (String segment : this.path) {
			out.append('/').append(segment);
		}
		return out.toString();
	}

	/** The host and port as the {@code host} attribute of a {@code URL} shows them ("" without a host). */
	public String hostAndPort() {
		if (this.host == null) {
			return "";
		}
		return (this.port >= 0) ? this.host + ":" + this.port : this.host;
	}

	/** The origin, serialized (§4.7): {@code scheme://host[:port]} for http(s), ws(s) and ftp, else {@code null}. */
	public String serializedOrigin() {
		return switch (this.scheme) {
			case "http", "https", "ws", "wss", "ftp" -> this.scheme + "://" + hostAndPort();
			default -> "null";
		};
	}

	@Override
	public String toString() {
		// Never the credentials: a URL record may end up in a log line.
		return new UrlRecord(this.scheme, "", "", this.host, this.port, this.path, this.opaquePath, this.query,
				this.fragment).href();
	}

}
