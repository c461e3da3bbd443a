package dev.springxhr.xhr.internal.fetch;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import reactor.core.Disposable;
import reactor.core.Disposables;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.springxhr.xhr.internal.url.DataUrls;
import dev.springxhr.xhr.internal.transport.OutgoingRequest;
import dev.springxhr.xhr.internal.transport.ResponseHead;
import dev.springxhr.xhr.internal.http.ResponseHeaders;
import dev.springxhr.xhr.internal.transport.TransportHandler;

/**
 * Fetch's scheme fetch for {@code data:} URLs: the URL is the response — status 200 {@code OK}, its MIME type as
 * {@code Content-Type}, its bytes as the body — whatever the method; a URL the data: URL processor rejects is a
 * network error. Nothing goes over the network, but the response reaches the handler as any other does, so the
 * events are the same.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#scheme-fetch">Fetch §4.2 scheme fetch, "data"</a>
 */
public final class DataUrlExchange {

	private DataUrlExchange() {
	}

	static Disposable run(OutgoingRequest request, TransportHandler handler) {
		DataUrls.DataUrl dataUrl = DataUrls.process(request.url().href());
		if (dataUrl == null) {
			handler.onError(new IllegalArgumentException("The data: URL cannot be processed (no ',' or bad base64)"));
			return Disposables.disposed();
		}
		// No body is transmitted: the upload ends at once, as when a server takes the whole body.
		handler.onRequestBodyEnd();
		List<Map.Entry<String, String>> headers = List.of(Map.entry("Content-Type", dataUrl.mimeType().serialize()));
		handler.onResponse(new ResponseHead(200, "OK", ResponseHeaders.of(headers)).withUrl(request.url()));
		if (dataUrl.body().length > 0) {
			handler.onBodyChunk(DefaultDataBufferFactory.sharedInstance.wrap(ByteBuffer.wrap(dataUrl.body())));
			handler.onBodyChunksRead();
		}
		handler.onComplete();
		return Disposables.disposed();
	}

}
