package dev.springxhr.js;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

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
