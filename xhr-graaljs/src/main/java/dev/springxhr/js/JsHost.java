package dev.springxhr.js;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

import dev.springxhr.xhr.Blob;
import dev.springxhr.xhr.FormData;
import dev.springxhr.xhr.URLSearchParams;
import dev.springxhr.xhr.XhrFactory;

/**
 * What the globals' script may call in Java (only the methods exported here): new requests, bytes from typed arrays,
 * timers, and reporting an exception a listener threw.
 */
public final class JsHost {

	private static final Log logger = LogFactory.getLog(XhrJsContext.class);

	private final XhrFactory factory;

	private final JsEventLoop loop;

	/** Requests sent and not ended, aborted when the context closes. */
	private final Set<JsRequest> sent = ConcurrentHashMap.newKeySet();

	JsHost(XhrFactory factory, JsEventLoop loop) {
		this.factory = factory;
		this.loop = loop;
	}

	@HostAccess.Export
	public JsRequest create(Value dispatch) {
		return new JsRequest(this.factory.create(), this.loop, dispatch, this.sent::add);
	}

	@HostAccess.Export
	public byte[] bytes(Value uint8Array) {
		int length = (int) uint8Array.getArraySize();
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) uint8Array.getArrayElement(i).asInt();
		}
		return bytes;
	}

	@HostAccess.Export
	public String utf8Decode(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	@HostAccess.Export
	public Blob blob(byte[] bytes, String type) {
		return new Blob(List.of(bytes), type);
	}

	@HostAccess.Export
	public FormData formData() {
		return new FormData();
	}

	@HostAccess.Export
	public void appendString(FormData form, String name, String value) {
		form.append(name, value);
	}

	@HostAccess.Export
	public void appendFile(FormData form, String name, byte[] bytes, String type, String filename) {
		form.append(name, new Blob(List.of(bytes), type), filename);
	}

	@HostAccess.Export
	public URLSearchParams urlSearchParams(String query) {
		return new URLSearchParams(query);
	}

	/** URL §5.1 application/x-www-form-urlencoded parsing: names and values, alternating. */
	@HostAccess.Export
	public String[] parseQuery(String query) {
		List<Map.Entry<String, String>> entries = new URLSearchParams(query).entries();
		String[] flat = new String[entries.size() * 2];
		for (int i = 0; i < entries.size(); i++) {
			flat[2 * i] = entries.get(i).getKey();
			flat[2 * i + 1] = entries.get(i).getValue();
		}
		return flat;
	}

	/** URL §5.2 application/x-www-form-urlencoded serializing of names and values, alternating. */
	@HostAccess.Export
	public String serializeQuery(Value flat) {
		URLSearchParams params = new URLSearchParams();
		for (long i = 0; i + 1 < flat.getArraySize(); i += 2) {
			params.append(flat.getArrayElement(i).asString(), flat.getArrayElement(i + 1).asString());
		}
		return params.toString();
	}

	@HostAccess.Export
	public int setTimer(Value callback, double delayMillis, boolean repeat) {
		return this.loop.setTimer(() -> callback.executeVoid(), (long) delayMillis, repeat);
	}

	@HostAccess.Export
	public void clearTimer(int id) {
		this.loop.clearTimer(id);
	}

	@HostAccess.Export
	public void reportError(String error) {
		// HTML "report an exception": a listener's exception never reaches the code that fired the event.
		logger.warn("Uncaught exception in an XHR event listener: " + error);
	}

	void abortAll() {
		for (JsRequest request : this.sent) {
			request.abortForClose();
		}
		this.sent.clear();
	}

}
