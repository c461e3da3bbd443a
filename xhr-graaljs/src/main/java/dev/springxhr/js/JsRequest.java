package dev.springxhr.js;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.Blob;
import dev.springxhr.xhr.DOMException;
import dev.springxhr.xhr.TypeError;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XMLHttpRequestUpload;
import dev.springxhr.xhr.event.Event;
import dev.springxhr.xhr.event.EventListener;
import dev.springxhr.xhr.event.ProgressEvent;

/**
 * The Java side of one JavaScript {@code XMLHttpRequest}: its calls go to an engine request, and each event of that
 * request goes back to the loop with a snapshot of the request as it was when the event fired (XHR's own thread
 * rules keep those consistent), so that what a script sees changes only between tasks. Calls report a failure as
 * {@code [name, message]}, which the script throws as a {@code DOMException} or {@code TypeError}.
 */
public final class JsRequest {

	private static final List<String> TYPES = List.of("readystatechange", "loadstart", "progress", "abort", "error",
			"load", "timeout", "loadend");

	private static final List<String> UPLOAD_TYPES = TYPES.subList(1, TYPES.size());

	private final XMLHttpRequest xhr;

	private final JsEventLoop loop;

	private final Value dispatch;

	private final Consumer<JsRequest> onSend;

	private final Map<String, EventListener> uploadListeners = new HashMap<>();

	/** The script's responseType; the engine's is "arraybuffer" for json (decoded here as the standard says). */
	private String responseType = "";

	private boolean inFlight;

	private boolean async = true;

	JsRequest(XMLHttpRequest xhr, JsEventLoop loop, Value dispatch, Consumer<JsRequest> onSend) {
		this.xhr = xhr;
		this.loop = loop;
		this.dispatch = dispatch;
		this.onSend = onSend;
		for (String type : TYPES) {
			xhr.addEventListener(type, (event) -> forward(event, false));
		}
		for (String type : UPLOAD_TYPES) {
			this.uploadListeners.put(type, (event) -> forward(event, true));
		}
	}

	@HostAccess.Export
	public String @Nullable [] open(String method, String url, boolean async, @Nullable String username,
			@Nullable String password) {
		return call(() -> {
			this.xhr.open(method, url, async, username, password);
			this.async = async;
		});
	}

	@HostAccess.Export
	public String @Nullable [] setRequestHeader(String name, String value) {
		return call(() -> this.xhr.setRequestHeader(name, value));
	}

	@HostAccess.Export
	public String @Nullable [] send(@Nullable Object body, boolean uploadListened) {
		// XHR §3.5 send() step 8: the upload listener flag is whether the script's upload object has listeners now.
		XMLHttpRequestUpload upload = this.xhr.getUpload();
		this.uploadListeners.forEach((type, listener) -> {
			upload.removeEventListener(type, listener);
			if (uploadListened) {
				upload.addEventListener(type, listener);
			}
		});
		return call(() -> {
			this.onSend.accept(this);
			this.inFlight = true;
			this.loop.requestStarted();
			boolean ended = !this.async;
			try {
				this.xhr.send(body);
			}
			catch (RuntimeException ex) {
				ended = true;
				throw ex;
			}
			finally {
				// A synchronous send has ended when it returns; one that fails fires no loadend (XHR §3.5 step 12).
				if (ended) {
					ended();
				}
			}
		});
	}

	@HostAccess.Export
	public String @Nullable [] abort() {
		return call(this.xhr::abort);
	}

	@HostAccess.Export
	public double getTimeout() {
		return this.xhr.getTimeout();
	}

	@HostAccess.Export
	public String @Nullable [] setTimeout(double millis) {
		return call(() -> this.xhr.setTimeout((long) millis));
	}

	@HostAccess.Export
	public boolean getWithCredentials() {
		return this.xhr.getWithCredentials();
	}

	@HostAccess.Export
	public String @Nullable [] setWithCredentials(boolean value) {
		return call(() -> this.xhr.setWithCredentials(value));
	}

	@HostAccess.Export
	public String @Nullable [] setResponseType(String type) {
		String engineType = switch (type) {
			case "", "text", "blob" -> type;
			default -> "arraybuffer"; // json is decoded from the bytes; a document is not made here (no DOM)
		};
		String[] failure = call(() -> this.xhr.setResponseType(engineType));
		if (failure == null) {
			this.responseType = type;
		}
		return failure;
	}

	@HostAccess.Export
	public String @Nullable [] overrideMimeType(String mime) {
		return call(() -> this.xhr.overrideMimeType(mime));
	}

	/** Abort a request in flight: its context is closing. */
	void abortForClose() {
		try {
			this.xhr.abort();
		}
		catch (RuntimeException ex) {
			// closing anyway
		}
	}

	private void forward(Event event, boolean atUpload) {
		// On the thread the engine delivers the event on: the request is as the event found it.
		ProxyObject snapshot = snapshot(event);
		String type = event.getType();
		boolean end = !atUpload && type.equals("loadend");
		this.loop.executeOrRun(() -> {
			try {
				this.dispatch.execute(type, atUpload, snapshot);
			}
			finally {
				if (end) {
					ended();
				}
			}
		});
	}

	private void ended() {
		if (this.inFlight) {
			this.inFlight = false;
			this.loop.requestEnded();
		}
	}

	private ProxyObject snapshot(Event event) {
		Map<String, Object> state = new HashMap<>();
		short readyState = this.xhr.getReadyState();
		state.put("readyState", (int) readyState);
		state.put("status", (int) this.xhr.getStatus());
		state.put("statusText", this.xhr.getStatusText());
		state.put("responseURL", this.xhr.getResponseURL());
		state.put("headers", this.xhr.getAllResponseHeaders());
		if (event instanceof ProgressEvent progress) {
			state.put("lengthComputable", progress.getLengthComputable());
			state.put("loaded", (double) progress.getLoaded());
			state.put("total", (double) progress.getTotal());
		}
		boolean text = this.responseType.isEmpty() || this.responseType.equals("text");
		if (text && readyState >= XMLHttpRequest.LOADING) {
			state.put("text", this.xhr.getResponseText());
		}
		Object response = (!text && readyState == XMLHttpRequest.DONE) ? this.xhr.getResponse() : null;
		state.put("done", response != null);
		if (response instanceof Blob blob) {
			state.put("bytes", blob.bytes());
			state.put("blobType", blob.getType());
		}
		if (response instanceof ByteBuffer buffer) {
			byte[] bytes = new byte[buffer.remaining()];
			buffer.duplicate().get(bytes);
			state.put("bytes", bytes);
			if (this.responseType.equals("json")) {
				// XHR §3.6.9 "get a JSON response": UTF-8 decode, the BOM dropped.
				String json = new String(bytes, StandardCharsets.UTF_8);
				state.put("text", json.startsWith("\uFEFF") ? json.substring(1) : json);
			}
		}
		return ProxyObject.fromMap(state);
	}

	private static String @Nullable [] call(Runnable call) {
		try {
			call.run();
			return null;
		}
		catch (DOMException ex) {
			return new String[] { ex.getName(), String.valueOf(ex.getMessage()) };
		}
		catch (TypeError ex) {
			return new String[] { "TypeError", String.valueOf(ex.getMessage()) };
		}
		catch (IllegalArgumentException ex) {
			// WebIDL TypeErrors the engine reports as such (a header value above U+00FF, say)
			return new String[] { "TypeError", String.valueOf(ex.getMessage()) };
		}
	}

}
