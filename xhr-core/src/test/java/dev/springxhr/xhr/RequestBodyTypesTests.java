package dev.springxhr.xhr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

import dev.springxhr.xhr.support.CountingUploadServer;
import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.EventRecorder.Entry;
import dev.springxhr.xhr.support.EventRecorder.Target;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.RawHttpServer.RawRequest;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * Checklist §7 body extraction: {@link Blob}, {@link FormData}, {@link URLSearchParams} and {@link Document} bodies
 * reach the server with the exact bytes and Content-Type the Fetch standard's "extract a body" gives, the author's
 * Content-Type is kept or its charset corrected as XHR send() step 4 says, and the upload events count the extracted
 * body.
 */
class RequestBodyTypesTests {

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	// Reads 512 KiB, then pauses 20 ms (about 25 MB/s): a 16 MiB upload spans many 50 ms progress windows.
	@RegisterExtension
	static final XhrTestServer<CountingUploadServer> slowReader = XhrTestServer.countingUploads(512 * 1024, 20);

	private RawRequest send(String method, String path, @Nullable Object body, String... headers) {
		return raw.server().exchange(raw.factory(), method, path, body, headers);
	}

	private static String text(RawRequest request) {
		return new String(request.body(), StandardCharsets.UTF_8);
	}

	// ---- Blob ----------------------------------------------------------------------------------------------------

	@Test
	void blobIsSentAsItsBytesWithItsTypeAsContentType() {
		Blob blob = new Blob(List.of("héllo ", new byte[] { 1, 2 }, ByteBuffer.wrap(new byte[] { 9, 3, 4 }, 1, 2),
				new Blob(List.of("!"), "")), "Text/Plain");
		RawRequest request = send("POST", "/blob-typed", blob);

		assertThat(request.headerValues("Content-Type")).containsExactly("text/plain");
		assertThat(request.headerValues("Content-Length")).containsExactly("12");
		assertThat(request.body()).containsExactly('h', 0xC3, 0xA9, 'l', 'l', 'o', ' ', 1, 2, 3, 4, '!');
	}

	@Test
	void blobWithoutTypeIsSentWithoutContentType() {
		RawRequest request = send("POST", "/blob-untyped", new Blob(List.of("abc"), ""));

		assertThat(request.headerValues("Content-Type")).isEmpty();
		assertThat(text(request)).isEqualTo("abc");
	}

	@Test
	void authorContentTypeOfABlobIsNeverRewritten() {
		// WPT setrequestheader-content-type.htm: Blob + application/xml;charset=ASCII stays as set.
		RawRequest request = send("POST", "/blob-author", new Blob(List.of("<x/>"), "text/xml"), "Content-Type",
				"application/xml;charset=ASCII");

		assertThat(request.headerValues("Content-Type")).containsExactly("application/xml;charset=ASCII");
	}

	@Test
	void emptyAuthorContentTypeIsSentEmptyForABlob() {
		RawRequest request = send("POST", "/blob-empty-type", new Blob(List.of("x"), "text/plain"), "Content-Type",
				"");

		assertThat(request.headerLinesNamed("Content-Type")).hasSize(1);
		assertThat(request.headerValues("Content-Type")).containsExactly("");
	}

	@Test
	void emptyBlobSendsContentLengthZeroAndHasTheStandardsUploadEvents() {
		raw.server().route("/blob-empty", RawHttpServer.response("HTTP/1.1 200 OK", "ok", "Content-Length: 2"));
		XMLHttpRequest xhr = raw.factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("POST", raw.baseUrl() + "/blob-empty");
		rec.send(new Blob());
		rec.awaitLoadend();

		// XHR send() step 8: an empty body is not a null body; its upload ends at once, with 0 and 0 (Chromium
		// fires only the upload loadstart: docs/differences-from-a-browser.md, oracle upload-empty-*).
		assertThat(rec.events()).containsExactly("rsc(1)", "loadstart(0,0,f)", "u.loadstart(0,0,f)",
				"u.progress(0,0,f)", "u.load(0,0,f)", "u.loadend(0,0,f)", "rsc(2)", "rsc(3)", "progress(2,2,t)",
				"rsc(4)", "load(2,2,t)", "loadend(2,2,t)");
		assertThat(raw.server().requestsTo("/blob-empty").get(0).headerValues("Content-Length")).containsExactly("0");
	}

	@Test
	void emptyStringHasTheStandardsUploadEventsAndANullBodyHasNone() {
		raw.server().route("/string-empty", RawHttpServer.response("HTTP/1.1 200 OK", "ok", "Content-Length: 2"));
		XMLHttpRequest empty = raw.factory().create();
		EventRecorder emptyEvents = EventRecorder.attachWithUpload(empty);
		emptyEvents.open("POST", raw.baseUrl() + "/string-empty");
		emptyEvents.send("");
		emptyEvents.awaitLoadend();
		XMLHttpRequest none = raw.factory().create();
		EventRecorder noneEvents = EventRecorder.attachWithUpload(none);
		noneEvents.open("POST", raw.baseUrl() + "/string-empty");
		noneEvents.send(null);
		noneEvents.awaitLoadend();

		assertThat(emptyEvents.events()).containsSubsequence("u.loadstart(0,0,f)", "u.progress(0,0,f)",
				"u.load(0,0,f)", "u.loadend(0,0,f)", "rsc(2)");
		assertThat(noneEvents.events()).noneMatch((event) -> event.startsWith("u."));
	}

	@Test
	void blobBodyOfGetIsIgnored() {
		RawRequest request = send("GET", "/blob-get", new Blob(List.of("ignored"), "text/plain"));

		assertThat(request.headerValues("Content-Type")).isEmpty();
		assertThat(request.headerValues("Content-Length")).isEmpty();
		assertThat(request.body()).isEmpty();
	}

	@Test
	void slicedBlobSendsOnlyItsSlice() {
		Blob slice = new Blob(List.of("0123456789"), "text/plain").slice(2, -3, "application/x-digits");
		RawRequest request = send("POST", "/blob-slice", slice);

		assertThat(text(request)).isEqualTo("23456");
		assertThat(request.headerValues("Content-Type")).containsExactly("application/x-digits");
	}

	// ---- FormData ------------------------------------------------------------------------------------------------

	private static String boundaryOf(RawRequest request) {
		List<String> types = request.headerValues("Content-Type");
		assertThat(types).hasSize(1);
		Matcher matcher = Pattern.compile("^multipart/form-data; boundary=(\\S+)$").matcher(types.get(0));
		assertThat(matcher.matches()).as("Content-Type %s", types.get(0)).isTrue();
		return matcher.group(1);
	}

	@Test
	void formDataIsSentAsMultipartWithFieldsAndFilesInOrder() {
		FormData form = new FormData();
		form.append("name", "Zoë");
		form.append("file", new Blob(List.of("<a/>"), "text/xml"), "a.xml");
		form.append("anonymous", new Blob(List.of(new byte[] { 0, (byte) 0xFF }), ""));
		form.append("name", "second");
		RawRequest request = send("POST", "/form", form);

		String boundary = boundaryOf(request);
		byte[] expected = concat(("--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"name\"\r\n\r\nZoë\r\n"
				+ "--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"file\"; filename=\"a.xml\"\r\nContent-Type: text/xml\r\n\r\n"
				+ "<a/>\r\n"
				+ "--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"anonymous\"; filename=\"blob\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8),
				new byte[] { 0, (byte) 0xFF },
				("\r\n--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"name\"\r\n\r\nsecond\r\n"
				+ "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		assertThat(request.body()).isEqualTo(expected);
		assertThat(request.headerValues("Content-Length")).containsExactly(Integer.toString(expected.length));
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	@Test
	void formDataNormalizesNewlinesAndEscapesNamesAndFilenames() {
		FormData form = new FormData();
		form.append("a\"b\nc", "line1\nline2\rline3\r\nline4");
		form.append("f", new Blob(List.of("x"), "text/plain"), "my \"file\"\n.txt");
		RawRequest request = send("POST", "/form-escaping", form);

		String boundary = boundaryOf(request);
		assertThat(text(request)).isEqualTo("--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"a%22b%0D%0Ac\"\r\n\r\nline1\r\nline2\r\nline3\r\nline4\r\n"
				+ "--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"f\"; filename=\"my %22file%22%0A.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\nx\r\n"
				+ "--" + boundary + "--\r\n");
	}

	@Test
	void authorContentTypeOfFormDataIsKeptAsSet() {
		FormData form = new FormData();
		form.append("a", "b");
		RawRequest request = send("POST", "/form-author", form, "Content-Type", "text/plain;charset=windows-1252");

		assertThat(request.headerValues("Content-Type")).containsExactly("text/plain;charset=windows-1252");
	}

	@Test
	void eachSendOfAFormDataHasAFreshBoundary() {
		FormData form = new FormData();
		form.append("a", "b");
		String first = boundaryOf(send("POST", "/form-boundary-1", form));
		String second = boundaryOf(send("POST", "/form-boundary-2", form));

		assertThat(first).isNotEqualTo(second);
	}

	// ---- URLSearchParams -----------------------------------------------------------------------------------------

	@Test
	void urlSearchParamsAreSentUrlEncodedAsUtf8() {
		URLSearchParams params = new URLSearchParams("?a=1&b=2 3&c=%zz");
		params.append("d", "é&=+");
		RawRequest request = send("POST", "/params", params);

		assertThat(request.headerValues("Content-Type"))
			.containsExactly("application/x-www-form-urlencoded;charset=UTF-8");
		assertThat(text(request)).isEqualTo("a=1&b=2+3&c=%25zz&d=%C3%A9%26%3D%2B");
	}

	@Test
	void authorCharsetOfUrlSearchParamsIsRewrittenToUtf8() {
		// XHR 2026-05-14: "Overwrite the charset parameter for URLSearchParams objects".
		RawRequest request = send("POST", "/params-author", new URLSearchParams("a=b"), "Content-Type",
				"application/x-www-form-urlencoded;charset=windows-1252");

		assertThat(request.headerValues("Content-Type"))
			.containsExactly("application/x-www-form-urlencoded;charset=UTF-8");
	}

	// ---- Document ------------------------------------------------------------------------------------------------

	private static Document xml(String source) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void xmlDocumentIsSerializedAsApplicationXmlUtf8() throws Exception {
		RawRequest request = send("POST", "/doc-xml", xml("<?xml version=\"1.0\"?><a xmlns=\"urn:x\"><b>t é</b></a>"));

		assertThat(request.headerValues("Content-Type")).containsExactly("application/xml;charset=UTF-8");
		assertThat(text(request)).isEqualTo("<a xmlns=\"urn:x\"><b>t é</b></a>");
	}

	@Test
	void htmlDocumentIsSerializedAsTextHtmlUtf8() {
		Document html = new DOMParser().parseFromString("<p>hi<br>there &amp; é", "text/html");
		RawRequest request = send("POST", "/doc-html", html);

		assertThat(request.headerValues("Content-Type")).containsExactly("text/html;charset=UTF-8");
		assertThat(text(request)).isEqualTo("<html><head></head><body><p>hi<br>there &amp; é</p></body></html>");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			text/plain;charset=windows-1252 | text/plain;charset=UTF-8
			application/xml                 | application/xml
			application/xml;charset=utf-8   | application/xml;charset=utf-8
			""")
	void authorCharsetOfADocumentIsRewrittenToUtf8(String author, String sent) throws Exception {
		RawRequest request = send("POST", "/doc-author-" + author.hashCode(), xml("<a/>"), "Content-Type", author);

		assertThat(request.headerValues("Content-Type")).containsExactly(sent);
	}

	// ---- upload progress -----------------------------------------------------------------------------------------

	@Test
	void uploadEventsOfFormDataCountTheMultipartBody() {
		FormData form = new FormData();
		form.append("f", new Blob(List.of("x".repeat(2000)), "text/plain"), "x.txt");
		raw.server().route("/form-upload", RawHttpServer.response("HTTP/1.1 200 OK", "ok", "Content-Length: 2"));
		XMLHttpRequest xhr = raw.factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("POST", raw.baseUrl() + "/form-upload");
		rec.send(form);
		rec.awaitLoadend();

		int length = raw.server().requestsTo("/form-upload").get(0).body().length;
		String all = length + "," + length + ",t";
		assertThat(rec.events()).containsSubsequence("loadstart(0,0,f)", "u.loadstart(0," + length + ",t)",
				"u.progress(" + all + ")", "u.load(" + all + ")", "u.loadend(" + all + ")", "rsc(2)");
	}

	@Test
	void largeBlobUploadReportsThrottledIncreasingProgressOverSeveralWindows() {
		int size = 16 * 1024 * 1024;
		Blob blob = new Blob(List.of(new byte[size]), "application/octet-stream");
		XMLHttpRequest xhr = raw.factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("POST", slowReader.url("/large-blob"));
		rec.send(blob);
		rec.awaitLoadend();

		List<Entry> progress = rec.entriesOf(Target.UPLOAD, "progress");
		assertThat(progress).as("%s", rec.events()).hasSizeGreaterThanOrEqualTo(4)
			.allSatisfy((e) -> assertThat(e.total()).isEqualTo(size));
		for (int i = 1; i < progress.size(); i++) {
			assertThat(progress.get(i).loaded()).isGreaterThan(progress.get(i - 1).loaded());
		}
		assertThat(progress.get(progress.size() - 1).loaded()).isEqualTo(size);
		assertThat(xhr.getResponseText()).isEqualTo(Integer.toString(size));
	}

	// ---- other objects -------------------------------------------------------------------------------------------

	@Test
	void anyOtherObjectIsSentAsItsToStringLikeWebIdlDoes() {
		Object custom = new Object() {
			@Override
			public String toString() {
				return "custom ✓";
			}
		};
		RawRequest request = send("POST", "/to-string", custom);

		assertThat(request.headerValues("Content-Type")).containsExactly("text/plain;charset=UTF-8");
		assertThat(text(request)).isEqualTo("custom ✓");
	}

}
