package dev.springxhr.xhr.internal.url;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The URL that {@link UrlParser} builds, component by component, before it becomes an immutable {@link UrlRecord}.
 */
final class MutableUrl {

	String scheme = "";

	final StringBuilder username = new StringBuilder();

	final StringBuilder password = new StringBuilder();

	@Nullable String host;

	int port = -1;

	List<String> path = new ArrayList<>();

	@Nullable StringBuilder opaquePath;

	@Nullable StringBuilder query;

	@Nullable StringBuilder fragment;

	boolean special() {
		return UrlRecord.isSpecial(this.scheme);
	}

	/** Username, password, host and port of {@code base}. */
	void copyAuthority(UrlRecord base) {
		this.username.setLength(0);
		this.username.append(base.username());
		this.password.setLength(0);
		this.password.append(base.password());
		this.host = base.host();
		this.port = base.port();
	}

	/** Path and query of {@code base}. */
	void copyPathAndQuery(UrlRecord base) {
		this.path = new ArrayList<>(base.path());
		this.query = (base.query() != null) ? new StringBuilder(base.query()) : null;
	}

	/** "Set url's query to the empty string." */
	StringBuilder startQuery() {
		StringBuilder query = new StringBuilder();
		this.query = query;
		return query;
	}

	/** "Set url's fragment to the empty string." */
	StringBuilder startFragment() {
		StringBuilder fragment = new StringBuilder();
		this.fragment = fragment;
		return fragment;
	}

	/** The opaque path, started as the empty string if there is none yet. */
	StringBuilder opaquePath() {
		StringBuilder opaque = (this.opaquePath != null) ? this.opaquePath : new StringBuilder();
		this.opaquePath = opaque;
		return opaque;
	}

	UrlRecord toRecord() {
		return new UrlRecord(this.scheme, this.username.toString(), this.password.toString(), this.host, this.port,
				this.path, (this.opaquePath != null) ? this.opaquePath.toString() : null,
				(this.query != null) ? this.query.toString() : null,
				(this.fragment != null) ? this.fragment.toString() : null);
	}

}
