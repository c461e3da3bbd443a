package dev.springxhr.xhr.internal.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.url.RequestUrl;
import dev.springxhr.xhr.internal.encoding.Encodings;
import dev.springxhr.xhr.internal.http.HttpTokens;
import dev.springxhr.xhr.internal.mime.MimeType;
import dev.springxhr.xhr.internal.http.ResponseHeaders;
import dev.springxhr.xhr.internal.transport.ReceivedBytes;
import dev.springxhr.xhr.internal.document.XmlDocumentParser;

/**
 * A response as the XHR object holds it: status, status message, the filtered header list and the URL. The
 * {@link #NETWORK_ERROR} instance is the standard's "network error" (status 0, empty message, no headers), which
 * is also what a request holds before headers arrive.
 */
public final class XhrResponse {

	private static final MimeType TEXT_XML = Objects.requireNonNull(MimeType.parse("text/xml"));

	public static final XhrResponse NETWORK_ERROR = new XhrResponse(0, "", ResponseHeaders.EMPTY, null);

	private final int status;

	private final String statusText;

	private final ResponseHeaders headers;

	private final @Nullable RequestUrl url;

	private @Nullable MimeType mimeType;

	private boolean mimeTypeComputed;

	public XhrResponse(int status, String statusText, ResponseHeaders headers, @Nullable RequestUrl url) {
		this.status = status;
		this.statusText = statusText;
		this.headers = headers;
		this.url = url;
	}

	public boolean isNetworkError() {
		return this == NETWORK_ERROR;
	}

	public int status() {
		return this.status;
	}

	public String statusText() {
		return this.statusText;
	}

	public ResponseHeaders headers() {
		return this.headers;
	}

	public @Nullable RequestUrl url() {
		return this.url;
	}

	/**
	 * Fetch "extract a length": the Content-Length when every value of it is the same integer, else {@code -1}.
	 * A coded body is decoded before it reaches us, so its Content-Length says nothing about what we count.
	 */
	public long contentLength() {
		String value = this.headers.get("Content-Length");
		if (value == null || this.headers.get("Content-Encoding") != null) {
			return -1;
		}
		long length = -1;
		for (String candidate : value.split(",", -1)) {
			String trimmed = HttpTokens.normalizeHeaderValue(candidate);
			if (trimmed.isEmpty() || trimmed.length() > 18 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
				return -1;
			}
			long parsed = Long.parseLong(trimmed);
			if (length >= 0 && parsed != length) {
				return -1;
			}
			length = parsed;
		}
		return length;
	}

	/** Fetch "extract a MIME type" (simplified: the last Content-Type value that parses wins), or {@code null}. */
	@Nullable MimeType mimeType() {
		if (!this.mimeTypeComputed) {
			String value = this.headers.get("Content-Type");
			MimeType result = null;
			if (value != null) {
				for (String candidate : value.split(",", -1)) {
					MimeType parsed = MimeType.parse(candidate);
					if (parsed != null && !parsed.essence().equals("*/*")) {
						result = parsed;
					}
				}
			}
			this.mimeType = result;
			this.mimeTypeComputed = true;
		}
		return this.mimeType;
	}

	/**
	 * XHR "get a final MIME type": the override MIME type if any, else the response's, else {@code text/xml}.
	 */
	public MimeType finalMimeType(@Nullable MimeType overrideMimeType) {
		if (overrideMimeType != null) {
			return overrideMimeType;
		}
		MimeType responseType = mimeType();
		return (responseType != null) ? responseType : TEXT_XML;
	}

	/**
	 * XHR "get a text response": decode with the final encoding, the XML declaration's encoding for an XML
	 * response read as {@code responseType ""}, else UTF-8; a BOM always wins.
	 */
	public String text(ReceivedBytes body, @Nullable MimeType overrideMimeType, boolean emptyResponseType) {
		if (body.length() == 0) {
			return "";
		}
		Charset charset = finalEncoding(overrideMimeType);
		if (charset == null && emptyResponseType && finalMimeType(overrideMimeType).isXml()) {
			charset = Encodings.forLabel(XmlDocumentParser.declaredEncodingLabel(body.array(), body.length()));
		}
		return Encodings.decode(body.array(), body.length(), (charset != null) ? charset : StandardCharsets.UTF_8);
	}

	/** XHR "get a final encoding": the override MIME type's charset, else the response MIME type's. */
	public @Nullable Charset finalEncoding(@Nullable MimeType overrideMimeType) {
		String label = null;
		MimeType responseType = mimeType();
		if (responseType != null) {
			label = responseType.parameter("charset");
		}
		if (overrideMimeType != null && overrideMimeType.parameter("charset") != null) {
			label = overrideMimeType.parameter("charset");
		}
		return Encodings.forLabel(label);
	}

}
