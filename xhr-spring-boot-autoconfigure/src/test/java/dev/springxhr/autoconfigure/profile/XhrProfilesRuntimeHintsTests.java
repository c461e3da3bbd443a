package dev.springxhr.autoconfigure.profile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profiles' runtime hints ({@link XhrProfilesRuntimeHints}) cover every type of ours that a session store
 * serializes with a {@link SessionProfile}.
 */
class XhrProfilesRuntimeHintsTests {

	@Test
	void everyClassOfASerializedSessionProfileIsRegistered() throws Exception {
		RuntimeHints hints = new RuntimeHints();
		new XhrProfilesRuntimeHints().registerHints(hints, getClass().getClassLoader());
		SessionProfile profile = new SessionProfile("session-id");
		Set<String> classes = new LinkedHashSet<>();
		SessionProfile read = (SessionProfile) readRecordingClasses(write(profile), classes);
		assertThat(read.key()).isEqualTo(profile.key());
		assertThat(classes).contains(SessionProfile.class.getName());
		for (String type : classes) {
			if (!type.startsWith("java.")) {
				assertThat(RuntimeHintsPredicates.reflection().onJavaSerialization(TypeReference.of(type), true))
					.as(type)
					.accepts(hints);
			}
		}
	}

	private static byte[] write(Object object) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(object);
		}
		return bytes.toByteArray();
	}

	private static Object readRecordingClasses(byte[] bytes, Set<String> classes) throws Exception {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {

			@Override
			protected Class<?> resolveClass(ObjectStreamClass descriptor) throws IOException, ClassNotFoundException {
				classes.add(descriptor.getName());
				return super.resolveClass(descriptor);
			}

		}) {
			return in.readObject();
		}
	}

}
