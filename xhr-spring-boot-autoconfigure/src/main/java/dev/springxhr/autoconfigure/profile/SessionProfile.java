package dev.springxhr.autoconfigure.profile;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * The profile of a web session, as a session attribute. It is serializable (a session store may write it, and
 * another replica read it): its key survives, the factory is made again from it, and a shared cookie store gives it
 * the same cookies. The key is a hash of the session id, never the id itself: the id is a credential, and profile
 * keys appear in listings and logs.
 */
final class SessionProfile implements Serializable {

	/** The session attribute. */
	static final String ATTRIBUTE = SessionProfile.class.getName();

	private static final long serialVersionUID = 1L;

	private final String key;

	/** The profile of each factory, made again after the session is read back. */
	private transient volatile @Nullable InboundProfiles profiles;

	SessionProfile(String sessionId) {
		this.key = "session-" + sha256(sessionId);
	}

	String key() {
		return this.key;
	}

	/** The session's profiles: for each factory, its profile of the session's key. */
	InboundProfiles profiles() {
		InboundProfiles made = this.profiles;
		if (made == null) {
			synchronized (this) {
				made = this.profiles;
				if (made == null) {
					made = new InboundProfiles((base) -> base.newProfile(this.key));
					this.profiles = made;
				}
			}
		}
		return made;
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
