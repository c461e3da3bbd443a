package dev.springxhr.xhr.internal.encoding;

/**
 * WebIDL's USVString conversion, which every string argument of {@link Blob}, {@link File}, {@link FormData} and
 * {@link URLSearchParams} goes through.
 *
 * @see <a href="https://webidl.spec.whatwg.org/#js-USVString">WebIDL §3.2.12 USVString</a>
 */
public final class UsvStrings {

	private UsvStrings() {
	}

	/**
	 * Convert to a scalar value string: each lone surrogate becomes U+FFFD, a surrogate pair stays as it is.
	 * @param value the string
	 * @return {@code value} itself when it has no lone surrogate, else the converted string
	 */
	public static String toUsvString(String value) {
		int first = firstLoneSurrogate(value);
		if (first < 0) {
			return value;
		}
		StringBuilder result = new StringBuilder(value.length());
		result.append(value, 0, first);
		for (int i = first; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				result.append(c).append(value.charAt(++i));
			}
			else {
				result.append(Character.isSurrogate(c) ? '\uFFFD' : c);
			}
		}
		return result.toString();
	}

	private static int firstLoneSurrogate(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return i;
			}
		}
		return -1;
	}

}
