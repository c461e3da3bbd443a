package dev.springxhr.xhr.internal.json;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Decoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.DecoderHttpMessageReader;
import org.springframework.http.codec.HttpMessageReader;

/**
 * Maps a JSON response body to a Java type with the JSON decoder of the factory's {@code WebClient} — so with the
 * application's JSON mapper and its configuration (Spring Boot's {@code spring.jackson.*}, codec customizers).
 * Beyond the standard: {@link XMLHttpRequest#getResponse(Class)}.
 */
public final class JsonBodyMapper {

	private final List<Decoder<?>> decoders;

	private JsonBodyMapper(List<Decoder<?>> decoders) {
		this.decoders = decoders;
	}

	/** The mapper with the decoders among {@code readers} that can read {@code application/json}. */
	public static JsonBodyMapper of(@Nullable List<HttpMessageReader<?>> readers) {
		List<Decoder<?>> decoders = new ArrayList<>();
		if (readers != null) {
			for (HttpMessageReader<?> reader : readers) {
				if (reader instanceof DecoderHttpMessageReader<?> decoderReader
						&& decoderReader.getDecoder().getDecodableMimeTypes().stream().anyMatch(
								(mimeType) -> mimeType.isCompatibleWith(MediaType.APPLICATION_JSON))) {
					decoders.add(decoderReader.getDecoder());
				}
			}
		}
		return new JsonBodyMapper(Collections.unmodifiableList(decoders));
	}

	/**
	 * Decode {@code length} bytes of JSON to {@code type}.
	 * @throws IllegalStateException if no decoder of the WebClient can produce the type from JSON
	 * @throws org.springframework.core.codec.DecodingException if the bytes are not JSON of that type
	 */
	public @Nullable Object map(byte[] bytes, int length, ResolvableType type) {
		for (Decoder<?> decoder : this.decoders) {
			// String is decoded as a JSON string, not as the raw text a StringDecoder would give.
			if (decoder.canDecode(type, MediaType.APPLICATION_JSON)
					&& !(type.resolve() == String.class && isStringDecoder(decoder))) {
				DataBuffer buffer = DefaultDataBufferFactory.sharedInstance.wrap(ByteBuffer.wrap(bytes, 0, length));
				return decoder.decode(buffer, type, MediaType.APPLICATION_JSON, Map.of());
			}
		}
		throw new IllegalStateException("None of the WebClient's codecs decodes application/json to " + type
				+ "; put a JSON library such as Jackson (tools.jackson.core:jackson-databind) on the class path");
	}

	private static boolean isStringDecoder(Decoder<?> decoder) {
		return decoder instanceof org.springframework.core.codec.StringDecoder;
	}

}
