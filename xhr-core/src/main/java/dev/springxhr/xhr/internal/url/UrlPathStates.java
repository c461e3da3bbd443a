package dev.springxhr.xhr.internal.url;

import java.util.ArrayList;
import java.util.Objects;

import dev.springxhr.xhr.internal.url.UrlParser.State;

import static dev.springxhr.xhr.internal.url.UrlParser.EOF;

/**
 * The basic URL parser's states after the authority (§4.4): {@code file:} URLs' own states, the path, the opaque
 * path and the query. Each reads one code point of {@link UrlParser}'s input and returns the next state.
 */
final class UrlPathStates {

	private UrlPathStates() {
	}

	static State file(UrlParser p, int c) {
		p.url.scheme = "file";
		p.url.host = "";
		if (c == '/' || c == '\\') {
			return State.FILE_SLASH;
		}
		UrlRecord base = p.base;
		if (base != null && base.scheme().equals("file")) {
			p.url.host = base.host();
			p.url.copyPathAndQuery(base);
			if (c == '?' || c == '#') {
				return p.queryOrFragment(c);
			}
			if (c != EOF) {
				p.url.query = null;
				if (!UrlPaths.startsWithWindowsDriveLetter(p.input, p.pointer)) {
					UrlPaths.shorten(p.url.scheme, p.url.path);
				}
				else {
					p.url.path = new ArrayList<>();
				}
				return p.again(State.PATH);
			}
			return State.FILE;
		}
		return p.again(State.PATH);
	}

	static State fileSlash(UrlParser p, int c) {
		if (c == '/' || c == '\\') {
			return State.FILE_HOST;
		}
		UrlRecord base = p.base;
		if (base != null && base.scheme().equals("file")) {
			p.url.host = base.host();
			if (!UrlPaths.startsWithWindowsDriveLetter(p.input, p.pointer) && !base.path().isEmpty()
					&& UrlPaths.isNormalizedWindowsDriveLetter(base.path().get(0))) {
				p.url.path.add(base.path().get(0));
			}
		}
		return p.again(State.PATH);
	}

	static State fileHost(UrlParser p, int c) {
		if (c == EOF || c == '/' || c == '\\' || c == '?' || c == '#') {
			p.pointer--;
			if (UrlPaths.isWindowsDriveLetter(p.buffer)) {
				// "file://C:/": the drive letter is the path's first segment, not a host.
				return State.PATH;
			}
			if (p.buffer.isEmpty()) {
				p.url.host = "";
				return State.PATH_START;
			}
			String parsed = p.parseHost(p.buffer.toString());
			p.url.host = parsed.equals("localhost") ? "" : parsed;
			p.buffer.setLength(0);
			return State.PATH_START;
		}
		p.buffer.appendCodePoint(c);
		return State.FILE_HOST;
	}

	static State pathStart(UrlParser p, int c) {
		if (p.url.special()) {
			return (c != '/' && c != '\\') ? p.again(State.PATH) : State.PATH;
		}
		if (c == '?' || c == '#') {
			return p.queryOrFragment(c);
		}
		if (c != EOF) {
			return (c != '/') ? p.again(State.PATH) : State.PATH;
		}
		return State.PATH_START;
	}

	static State path(UrlParser p, int c) {
		boolean slash = c == '/' || (p.url.special() && c == '\\');
		if (c == EOF || slash || c == '?' || c == '#') {
			UrlPaths.endSegment(p.url.scheme, p.url.path, p.buffer, slash);
			p.buffer.setLength(0);
			if (c == '?' || c == '#') {
				return p.queryOrFragment(c);
			}
			return State.PATH;
		}
		PercentEncodeSet.PATH.encode(c, p.buffer);
		return State.PATH;
	}

	static State opaquePath(UrlParser p, int c) {
		StringBuilder opaque = p.url.opaquePath();
		if (c == '?' || c == '#') {
			// Spaces that end an opaque path before a query or fragment are dropped (urltestdata:
			// "non-special:opaque  ?hi" has the path "opaque").
			int end = opaque.length();
			while (end > 0 && opaque.charAt(end - 1) == ' ') {
				end--;
			}
			opaque.setLength(end);
			return p.queryOrFragment(c);
		}
		if (c != EOF) {
			PercentEncodeSet.C0_CONTROL.encode(c, opaque);
		}
		return State.OPAQUE_PATH;
	}

	static State query(UrlParser p, int c) {
		if (c == '#' || c == EOF) {
			PercentEncodeSet set = p.url.special() ? PercentEncodeSet.SPECIAL_QUERY : PercentEncodeSet.QUERY;
			StringBuilder query = Objects.requireNonNull(p.url.query);
			p.buffer.codePoints().forEach((codePoint) -> set.encode(codePoint, query));
			p.buffer.setLength(0);
			if (c == '#') {
				p.url.startFragment();
				return State.FRAGMENT;
			}
			return State.QUERY;
		}
		p.buffer.appendCodePoint(c);
		return State.QUERY;
	}

}
