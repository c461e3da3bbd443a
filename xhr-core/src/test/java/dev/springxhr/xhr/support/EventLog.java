package dev.springxhr.xhr.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.springxhr.xhr.XMLHttpRequest;

/**
 * Records the events of one request as strings: {@code readystatechange(n)} with the readyState seen by the
 * listener, the progress events by type ({@code load}, {@code loadend}, …) and upload events as {@code upload.type}.
 */
public final class EventLog {

	/** The seven progress event types of XMLHttpRequestEventTarget. */
	public static final List<String> PROGRESS_TYPES = List.of("loadstart", "progress", "abort", "error", "load",
			"timeout", "loadend");

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final List<String> entries = new CopyOnWriteArrayList<>();

	private EventLog() {
	}

	/** Listen to every event of the request (not of its upload object, so that upload listeners stay absent). */
	public static EventLog attach(XMLHttpRequest xhr) {
		EventLog log = new EventLog();
		xhr.addEventListener("readystatechange",
				(event) -> log.entries.add("readystatechange(" + xhr.getReadyState() + ")"));
		for (String type : PROGRESS_TYPES) {
			xhr.addEventListener(type, (event) -> log.entries.add(type));
		}
		return log;
	}

	public List<String> entries() {
		return new ArrayList<>(this.entries);
	}

	public long count(String entry) {
		return this.entries.stream().filter(entry::equals).count();
	}

	/** Wait until {@code loadend} has fired {@code times} times in total. */
	public EventLog awaitLoadend(int times) {
		await().atMost(TIMEOUT).until(() -> count("loadend") >= times);
		return this;
	}

	/** Wait until the first {@code loadend}. */
	public EventLog awaitLoadend() {
		return awaitLoadend(1);
	}

}
