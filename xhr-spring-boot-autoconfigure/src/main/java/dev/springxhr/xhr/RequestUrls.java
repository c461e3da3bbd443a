package dev.springxhr.xhr;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Parses the URL argument of {@code open()} relative to the factory's base URL, and serializes request URLs.
 *
 * <p>{@link URI} is stricter than the URL Standard's parser: before parsing, this does what the URL parser does to
 * input a browser accepts — strips leading and trailing C0 controls and spaces, removes tabs and newlines, turns
 * {@code \} into {@code /} before the query, and percent-encodes (as UTF-8) the characters {@link URI} rejects.
 *
 * @see <a href="https://url.spec.whatwg.org/#concept-basic-url-parser">URL Standard: basic URL parser</a>
 */
final class RequestUrls {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private RequestUrls() {
	}

	/**
	 * XHR §3.2 open() step 5: parse {@code url} relative to {@code base}.
	 * @throws DOMException SyntaxError if the URL cannot be parsed, or is relative without a base
	 */
	static URI parse(String url, @Nullable URI base) {
		String prepared = prepare(url);
		URI parsed;
		try {
			parsed = new URI(prepared);
		}
		catch (URISyntaxException ex) {
			throw syntaxError(url, ex.getReason());
		}
		if (!parsed.isAbsolute()) {
			if (base == null) {
				throw syntaxError(url, "it is relative and the XhrFactory has no base URL or origin");
			}
			parsed = resolve(base, parsed);
		}
		return normalize(parsed, url);
	}

	/** The URL serializer with the exclude-fragment flag, as {@code responseURL} uses it. */
	static String serializeWithoutFragment(URI url) {
		return url.getScheme() + ":" + url.getRawSchemeSpecificPart();
	}

	/** The URL a request goes to: no fragment (never sent) and no userinfo (sent as authorization, if at all). */
	static URI requestTarget(URI url) {
		if (url.getRawFragment() == null && url.getRawUserInfo() == null) {
			return url;
		}
		StringBuilder target = new StringBuilder(url.getScheme()).append("://");
		String host = url.getRawAuthority();
		if (url.getRawUserInfo() != null && host != null) {
			host = host.substring(host.indexOf('@') + 1);
		}
		target.append(host != null ? host : "");
		if (url.getRawPath() != null) {
			target.append(url.getRawPath());
		}
		if (url.getRawQuery() != null) {
			target.append('?').append(url.getRawQuery());
		}
		return URI.create(target.toString());
	}

	/** XHR §3.2 open() step 7: set the URL's username and password (percent-encoded with the userinfo set). */
	static URI withCredentials(URI url, @Nullable String username, @Nullable String password) {
		if (url.getRawAuthority() == null || (username == null && password == null)) {
			return url;
		}
		String existing = url.getRawUserInfo();
		String currentUser = "";
		String currentPassword = "";
		if (existing != null) {
			int colon = existing.indexOf(':');
			currentUser = (colon >= 0) ? existing.substring(0, colon) : existing;
			currentPassword = (colon >= 0) ? existing.substring(colon + 1) : "";
		}
		String user = (username != null) ? encodeUserinfo(username) : currentUser;
		String pass = (password != null) ? encodeUserinfo(password) : currentPassword;
		String userinfo = pass.isEmpty() ? user : user + ":" + pass;
		StringBuilder result = new StringBuilder(url.getScheme()).append("://");
		if (!userinfo.isEmpty()) {
			result.append(userinfo).append('@');
		}
		String authority = url.getRawAuthority();
		result.append(authority.substring(authority.indexOf('@') + 1));
		if (url.getRawPath() != null) {
			result.append(url.getRawPath());
		}
		if (url.getRawQuery() != null) {
			result.append('?').append(url.getRawQuery());
		}
		if (url.getRawFragment() != null) {
			result.append('#').append(url.getRawFragment());
		}
		return URI.create(result.toString());
	}

	private static URI resolve(URI base, URI relative) {
		// URI.resolve("http://host", "x") gives "http://hostx"; the URL Standard's base path is "/".
		if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
			base = URI.create(serializeWithoutFragment(base) + "/");
		}
		return base.resolve(relative);
	}

	private static URI normalize(URI url, String input) {
		String scheme = HttpTokens.toAsciiLowerCase(url.getScheme());
		boolean special = scheme.equals("http") || scheme.equals("https");
		if (special && (url.getRawAuthority() == null || url.getRawAuthority().isEmpty())) {
			throw syntaxError(input, "an http(s) URL needs a valid host");
		}
		if (!scheme.equals(url.getScheme()) || (special && url.getRawPath().isEmpty())) {
			StringBuilder result = new StringBuilder(scheme).append(':');
			String ssp = url.getRawSchemeSpecificPart();
			if (special && url.getRawPath().isEmpty()) {
				int query = ssp.indexOf('?');
				ssp = (query >= 0) ? ssp.substring(0, query) + "/" + ssp.substring(query) : ssp + "/";
			}
			result.append(ssp);
			if (url.getRawFragment() != null) {
				result.append('#').append(url.getRawFragment());
			}
			return URI.create(result.toString());
		}
		return url;
	}

	private static String prepare(String url) {
		int start = 0;
		int end = url.length();
		while (start < end && url.charAt(start) <= 0x20) {
			start++;
		}
		while (end > start && url.charAt(end - 1) <= 0x20) {
			end--;
		}
		StringBuilder result = new StringBuilder(end - start + 16);
		boolean inQuery = false;
		boolean inFragment = false;
		int authorityEnd = authorityEnd(url, start, end);
		for (int i = start; i < end; i++) {
			char c = url.charAt(i);
			if (c == '\t' || c == '\n' || c == '\r') {
				continue;
			}
			if (c == '#' && !inFragment) {
				inFragment = true;
				result.append(c);
				continue;
			}
			if (c == '?' && !inQuery && !inFragment) {
				inQuery = true;
				result.append(c);
				continue;
			}
			boolean inHost = i < authorityEnd;
			if (c == '\\' && !inQuery && !inFragment) {
				result.append('/');
			}
			else if (c == '%' && !(i + 2 < end && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2)))) {
				result.append("%25");
			}
			else if (c >= 0x80 || c < 0x20 || c == ' ' || c == '"' || c == '<' || c == '>' || c == '`' || c == '{'
					|| c == '}' || c == '|' || c == '^' || c == '\\' || c == 0x7F
					|| (!inHost && (c == '[' || c == ']')) || (inFragment && c == '#')) {
				appendPercentEncoded(result, url, i);
				if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(url.charAt(i + 1))) {
					i++;
				}
			}
			else {
				result.append(c);
			}
		}
		return result.toString();
	}

	/** The index after "scheme://authority", so that IPv6 brackets in the host are left alone. */
	private static int authorityEnd(String url, int start, int end) {
		int slashes = url.indexOf("//", start);
		if (slashes < 0 || slashes >= end) {
			return start;
		}
		for (int i = slashes + 2; i < end; i++) {
			char c = url.charAt(i);
			if (c == '/' || c == '?' || c == '#' || c == '\\') {
				return i;
			}
		}
		return end;
	}

	private static void appendPercentEncoded(StringBuilder result, String url, int index) {
		int codePoint = url.codePointAt(index);
		if (Character.isSurrogate(url.charAt(index)) && Character.charCount(codePoint) == 1) {
			codePoint = 0xFFFD; // a lone surrogate becomes U+FFFD, as USVString conversion does
		}
		byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
		for (byte b : bytes) {
			result.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
		}
	}

	private static String encodeUserinfo(String value) {
		StringBuilder result = new StringBuilder(value.length());
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=".indexOf(c) >= 0) {
				result.append(c);
			}
			else {
				result.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
			}
		}
		return result.toString();
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static DOMException syntaxError(String url, String reason) {
		return new DOMException("open() could not parse the URL '" + url + "': " + reason, DOMException.SYNTAX_ERROR);
	}

}
