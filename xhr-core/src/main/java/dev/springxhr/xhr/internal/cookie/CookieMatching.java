package dev.springxhr.xhr.internal.cookie;

/** The matching rules of RFC 6265bis §5.1 that the {@link CookieJar} applies. */
final class CookieMatching {

	private CookieMatching() {
	}

	/**
	 * RFC 6265bis §5.1.3 "domain-match": identical, or the domain string is a suffix of the string after a '.'
	 * and the string is a host name, not an IP address.
	 */
	static boolean domainMatches(String string, String domainString) {
		if (string.equals(domainString)) {
			return true;
		}
		return string.endsWith(domainString) && string.length() > domainString.length()
				&& string.charAt(string.length() - domainString.length() - 1) == '.'
				&& !PublicSuffixList.isIpAddress(string);
	}

	/**
	 * RFC 6265bis §5.1.4 "path-match": identical, or the cookie path is a prefix of the request path that ends in
	 * '/' or is followed by '/' in it.
	 */
	static boolean pathMatches(String requestPath, String cookiePath) {
		if (requestPath.equals(cookiePath)) {
			return true;
		}
		return requestPath.startsWith(cookiePath)
				&& (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
	}

	static boolean startsWithIgnoreCase(String text, String prefix) {
		return text.regionMatches(true, 0, prefix, 0, prefix.length());
	}

}
