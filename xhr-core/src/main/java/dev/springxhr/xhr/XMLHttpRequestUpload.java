package dev.springxhr.xhr;

/**
 * The {@code upload} object of an {@link XMLHttpRequest}: the target of the request body's progress events.
 * Listeners must be registered before {@code send()}; later ones are not invoked for that send.
 *
 * @see <a href="https://xhr.spec.whatwg.org/#xmlhttprequestupload">XHR §3.1 XMLHttpRequestUpload</a>
 */
public class XMLHttpRequestUpload extends XMLHttpRequestEventTarget {

	XMLHttpRequestUpload() {
	}

}
