package dev.springxhr.xhr;

/**
 * The status line and headers of a response, as the transport received them.
 *
 * @param status the status code
 * @param statusText the reason phrase exactly as sent ({@code ""} for HTTP/2, which has none)
 * @param headers the filtered header list
 */
record ResponseHead(int status, String statusText, ResponseHeaders headers) {
}
