package dev.springxhr.xhr.internal.transport;

import java.util.function.Supplier;

import org.reactivestreams.Publisher;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * A streamed request body as the transport sends it: the content of one send, and whether it can be sent again.
 *
 * @param content the content of one send (called once per send)
 * @param replayable whether the body can be sent again, as a 307 or 308 redirect or an authentication retry needs
 */
public record BodyStream(Supplier<? extends Publisher<DataBuffer>> content, boolean replayable) {
}
