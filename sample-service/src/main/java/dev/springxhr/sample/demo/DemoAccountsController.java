package dev.springxhr.sample.demo;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A demo upstream with user accounts, as the services a backend calls for its users: a login sets a session cookie
 * ({@code demo_session}), and {@code /me} answers the data of the session's user, or 401.
 */
@RestController
@RequestMapping("/demo/accounts")
class DemoAccountsController {

	private static final Pattern USER = Pattern.compile("[a-z]{1,20}");

	/** Sessions kept at most: a demo must not grow without bound. */
	private static final int MAX_SESSIONS = 10_000;

	private final Map<String, String> sessions = new ConcurrentHashMap<>();

	@PostMapping("/login")
	ResponseEntity<Map<String, String>> login(@RequestParam String user) {
		if (!USER.matcher(user).matches()) {
			return ResponseEntity.badRequest().body(Map.of("error", "a user is 1 to 20 letters a-z"));
		}
		if (this.sessions.size() >= MAX_SESSIONS) {
			this.sessions.clear();
		}
		String token = UUID.randomUUID().toString();
		this.sessions.put(token, user);
		ResponseCookie cookie = ResponseCookie.from("demo_session", token).path("/demo/accounts").httpOnly(true).build();
		return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString()).body(Map.of("user", user));
	}

	@GetMapping("/me")
	ResponseEntity<Account> me(@CookieValue(name = "demo_session", required = false) @Nullable String token) {
		String user = (token != null) ? this.sessions.get(token) : null;
		if (user == null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		int order = 100 + Math.floorMod(user.hashCode(), 900);
		return ResponseEntity.ok(new Account(user, List.of("order #" + order + " for " + user,
				"order #" + (order + 1) + " for " + user)));
	}

	/** A user's data at the upstream. */
	record Account(String user, List<String> orders) {
	}

}
