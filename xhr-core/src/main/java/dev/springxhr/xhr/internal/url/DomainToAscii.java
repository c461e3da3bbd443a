package dev.springxhr.xhr.internal.url;

import java.util.EnumSet;
import java.util.Set;

import com.ibm.icu.text.IDNA;

/**
 * UTS #46 processing for the URL Standard's "domain to ASCII" (beStrict false), on ICU4J's implementation:
 * non-transitional processing (so {@code ß} stays {@code ß} and becomes {@code xn--zca}), CheckBidi and
 * CheckJoiners on, UseSTD3ASCIIRules, CheckHyphens and VerifyDnsLength off. ICU always checks hyphens and lengths;
 * the errors those checks report are ignored, as the standard turns the checks off.
 *
 * @see <a href="https://url.spec.whatwg.org/#concept-domain-to-ascii">URL Standard: domain to ASCII</a>
 * @see <a href="https://www.unicode.org/reports/tr46/">UTS #46</a>
 */
final class DomainToAscii {

	private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
			| IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);

	/** What ICU reports for the checks the URL Standard turns off (CheckHyphens, VerifyDnsLength). */
	private static final Set<IDNA.Error> NOT_CHECKED = EnumSet.of(IDNA.Error.EMPTY_LABEL, IDNA.Error.LABEL_TOO_LONG,
			IDNA.Error.DOMAIN_NAME_TOO_LONG, IDNA.Error.LEADING_HYPHEN, IDNA.Error.TRAILING_HYPHEN,
			IDNA.Error.HYPHEN_3_4);

	private DomainToAscii() {
	}

	/**
	 * Whether the domain needs UTS #46: it is not ASCII, or a label starts with {@code xn--} (any case). Any other
	 * domain only needs ASCII lower-casing (the standard's step 1).
	 */
	static boolean needsUts46(String domain) {
		boolean labelStart = true;
		for (int i = 0; i < domain.length(); i++) {
			char c = domain.charAt(i);
			if (c >= 0x80) {
				return true;
			}
			if (labelStart && domain.regionMatches(true, i, "xn--", 0, 4)) {
				return true;
			}
			labelStart = c == '.';
		}
		return false;
	}

	/**
	 * UTS #46 ToASCII with the URL Standard's flags.
	 * @throws IllegalArgumentException naming the UTS #46 errors
	 */
	static String uts46(String domain) {
		StringBuilder ascii = new StringBuilder(domain.length() + 16);
		IDNA.Info info = new IDNA.Info();
		UTS46.nameToASCII(domain, ascii, info);
		Set<IDNA.Error> errors = EnumSet.noneOf(IDNA.Error.class);
		errors.addAll(info.getErrors());
		errors.removeAll(NOT_CHECKED);
		if (!errors.isEmpty()) {
			throw new IllegalArgumentException("the host is not a valid internationalized domain name (UTS #46: "
					+ errors + ")");
		}
		return ascii.toString();
	}

}
