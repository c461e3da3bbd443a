package dev.springxhr.xhr.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

/**
 * An HTTP/1.1 server on a random loopback port that records every request exactly as its bytes arrived and answers
 * with exactly the bytes a test gives it: nothing is added, so status lines with odd reason phrases and exact
 * response header lists can be tested (WireMock adds headers such as {@code Matched-Stub-Id}).
 *
 * <p>Kept beside WireMock because it tests what WireMock cannot: the exact request bytes, and responses that are
 * malformed or odd on the wire.
 *
 * <p>Register it through {@link XhrTestServer#raw()}, or start and close it yourself. Keep-alive works: a connection
 * serves requests until the client closes it, or until a response without a length (or with
 * {@code Connection: close}) is sent.
 */
public final class RawHttpServer implements AutoCloseable {

	/** Answers one request with the raw response bytes; may block (e.g. on a latch the test releases). */
	@FunctionalInterface
	public interface Responder {

		byte[] respond(RawRequest request) throws Exception;

	}

	/**
	 * One request as received.
	 * @param requestLine the request line, e.g. {@code GET /x HTTP/1.1}
	 * @param headerLines the header lines exactly as received, without CRLF
	 * @param body the body bytes (de-chunked if it was chunked)
	 */
	public record RawRequest(String requestLine, List<String> headerLines, byte[] body) {

		public String method() {
			return this.requestLine.substring(0, this.requestLine.indexOf(' '));
		}

		/** The request target, e.g. {@code /path?query}. */
		public String target() {
			int start = this.requestLine.indexOf(' ') + 1;
			return this.requestLine.substring(start, this.requestLine.indexOf(' ', start));
		}

		public String path() {
			String target = target();
			int query = target.indexOf('?');
			return (query >= 0) ? target.substring(0, query) : target;
		}

		/** The raw header lines whose name matches, case-insensitively. */
		public List<String> headerLinesNamed(String name) {
			List<String> result = new ArrayList<>();
			for (String line : this.headerLines) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
					result.add(line);
				}
			}
			return result;
		}

		/** The values of the header lines with this name: the text after the colon without surrounding SP/HT. */
		public List<String> headerValues(String name) {
			List<String> result = new ArrayList<>();
			for (String line : headerLinesNamed(name)) {
				result.add(line.substring(line.indexOf(':') + 1).strip());
			}
			return result;
		}

		/** The header names in received order, with their received casing. */
		public List<String> headerNames() {
			List<String> result = new ArrayList<>();
			for (String line : this.headerLines) {
				result.add(line.substring(0, Math.max(0, line.indexOf(':'))));
			}
			return result;
		}

	}

	/**
	 * Writes one response straight to the connection, as slowly or as long as it likes; the connection is closed
	 * after it (or when writing fails because the client has gone).
	 */
	@FunctionalInterface
	public interface StreamingResponder {

		void respond(RawRequest request, OutputStream out) throws IOException;

	}

	private final Map<String, Responder> routes = new ConcurrentHashMap<>();

	private final Map<String, StreamingResponder> streamingRoutes = new ConcurrentHashMap<>();

	private final List<RawRequest> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger finishedExchanges = new AtomicInteger();

	private final List<Socket> connections = new CopyOnWriteArrayList<>();

	private final AtomicInteger acceptedConnections = new AtomicInteger();

	private final InetAddress bindAddress;

	private @Nullable ServerSocket serverSocket;

	private @Nullable ExecutorService threads;

	/** A server on 127.0.0.1. */
	public RawHttpServer() {
		this(InetAddress.getLoopbackAddress());
	}

	/**
	 * A server on another local address, e.g. {@code ::1}.
	 * @param bindAddress the address to listen on
	 */
	public RawHttpServer(InetAddress bindAddress) {
		this.bindAddress = bindAddress;
	}

	/** Start listening on a random loopback port. */
	public synchronized RawHttpServer start() {
		if (this.serverSocket != null) {
			return this;
		}
		try {
			ServerSocket socket = new ServerSocket(0, 50, this.bindAddress);
			this.serverSocket = socket;
			ExecutorService pool = Executors.newCachedThreadPool((runnable) -> {
				Thread thread = new Thread(runnable, "raw-http-server-" + socket.getLocalPort());
				thread.setDaemon(true);
				return thread;
			});
			this.threads = pool;
			pool.execute(() -> acceptLoop(socket, pool));
			return this;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the raw HTTP server", ex);
		}
	}

	@Override
	public synchronized void close() {
		ServerSocket socket = this.serverSocket;
		this.serverSocket = null;
		try {
			if (socket != null) {
				socket.close();
			}
			for (Socket connection : this.connections) {
				connection.close();
			}
		}
		catch (IOException ex) {
			// closing anyway
		}
		ExecutorService pool = this.threads;
		if (pool != null) {
			pool.shutdownNow();
		}
	}

	public int port() {
		ServerSocket socket = this.serverSocket;
		if (socket == null) {
			throw new IllegalStateException("The raw HTTP server is not started");
		}
		return socket.getLocalPort();
	}

	/** The base URL, {@code http://127.0.0.1:port} (or {@code http://[::1]:port}), without a trailing slash. */
	public String baseUrl() {
		String host = this.bindAddress.getHostAddress();
		return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
	}

	public URI uri(String pathAndQuery) {
		return URI.create(baseUrl() + pathAndQuery);
	}

	/** Answer requests whose path (without query) is {@code path}. */
	public void route(String path, Responder responder) {
		this.routes.put(path, responder);
	}

	/** Answer requests whose path (without query) is {@code path} by writing to the connection, then close it. */
	public void routeStreaming(String path, StreamingResponder responder) {
		this.streamingRoutes.put(path, responder);
	}

	/** Answer requests whose path (without query) is {@code path} with these exact bytes. */
	public void route(String path, byte[] response) {
		route(path, (request) -> response);
	}

	public List<RawRequest> requests() {
		return Collections.unmodifiableList(new ArrayList<>(this.requests));
	}

	/**
	 * Answer {@code path} with {@code 200 ok}, send one request there with a new XHR of {@code factory}, wait for its
	 * loadend, and return the one request this server received.
	 * @param headers request headers, alternating names and values
	 */
	public RawRequest exchange(XhrFactory factory, String method, String path, @Nullable Object body,
			String... headers) {
		route(path, response("HTTP/1.1 200 OK", "ok", "Content-Length: 2"));
		XMLHttpRequest xhr = factory.create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open(method, baseUrl() + path);
		for (int i = 0; i < headers.length; i += 2) {
			xhr.setRequestHeader(headers[i], headers[i + 1]);
		}
		rec.send(body);
		rec.awaitLoadend();
		assertThat(xhr.getStatus()).as("%s", rec.events()).isEqualTo((short) 200);
		List<RawRequest> received = requestsTo(path);
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	public List<RawRequest> requestsTo(String path) {
		List<RawRequest> result = new ArrayList<>();
		for (RawRequest request : this.requests) {
			if (request.path().equals(path)) {
				result.add(request);
			}
		}
		return result;
	}

	/** How many connections were accepted, whether a request came on them or not. */
	public int acceptedConnections() {
		return this.acceptedConnections.get();
	}

	/** How many exchanges ended (response written, or the write failed because the client had gone). */
	public int finishedExchanges() {
		return this.finishedExchanges.get();
	}

	/**
	 * Build a response: the status line, the header lines as given, an empty line and the body. Nothing is added.
	 * @param statusLine e.g. {@code HTTP/1.1 699 lowercase}
	 * @param body the body bytes
	 * @param headerLines e.g. {@code Content-Length: 3}
	 */
	public static byte[] response(String statusLine, byte[] body, String... headerLines) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		StringBuilder head = new StringBuilder(statusLine).append("\r\n");
		for (String line : headerLines) {
			head.append(line).append("\r\n");
		}
		head.append("\r\n");
		out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(body);
		return out.toByteArray();
	}

	/** A response with a text body (ISO-8859-1 bytes) and the given header lines; nothing is added. */
	public static byte[] response(String statusLine, String body, String... headerLines) {
		return response(statusLine, body.getBytes(StandardCharsets.ISO_8859_1), headerLines);
	}

	private void acceptLoop(ServerSocket socket, ExecutorService pool) {
		while (!socket.isClosed()) {
			Socket connection;
			try {
				connection = socket.accept();
			}
			catch (IOException ex) {
				return;
			}
			this.acceptedConnections.incrementAndGet();
			this.connections.add(connection);
			try {
				pool.execute(() -> serve(connection));
			}
			catch (RejectedExecutionException ex) {
				// Accepted while close() shut the pool down, perhaps after it closed the connections it knew.
				try {
					connection.close();
				}
				catch (IOException closing) {
					// closing anyway
				}
				return;
			}
		}
	}

	private void serve(Socket connection) {
		try (connection) {
			InputStream in = new BufferedInputStream(connection.getInputStream());
			OutputStream out = connection.getOutputStream();
			while (true) {
				RawRequest request = readRequest(in);
				if (request == null) {
					return;
				}
				this.requests.add(request);
				StreamingResponder streaming = this.streamingRoutes.get(request.path());
				if (streaming != null) {
					try {
						streaming.respond(request, out);
						out.flush();
					}
					finally {
						this.finishedExchanges.incrementAndGet();
					}
					return;
				}
				byte[] response;
				try {
					response = responderFor(request).respond(request);
				}
				catch (Exception ex) {
					response = response("HTTP/1.1 500 Responder Failed", ex.toString(),
							"Content-Length: " + ex.toString().length());
				}
				try {
					out.write(response);
					out.flush();
				}
				finally {
					this.finishedExchanges.incrementAndGet();
				}
				if (closesConnection(request, response)) {
					return;
				}
			}
		}
		catch (SocketException ex) {
			// the client went away
		}
		catch (IOException ex) {
			// the client went away
		}
		finally {
			this.connections.remove(connection);
		}
	}

	private Responder responderFor(RawRequest request) {
		Responder responder = this.routes.get(request.path());
		if (responder != null) {
			return responder;
		}
		return (unknown) -> response("HTTP/1.1 404 No Route", "", "Content-Length: 0");
	}

	private static @Nullable RawRequest readRequest(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int last4 = 0;
		while (last4 != 0x0D0A0D0A) {
			int b = in.read();
			if (b < 0) {
				if (head.size() == 0) {
					return null;
				}
				throw new IOException("The connection closed inside a request head");
			}
			head.write(b);
			last4 = (last4 << 8) | b;
		}
		String text = head.toString(StandardCharsets.ISO_8859_1);
		List<String> lines = new ArrayList<>(List.of(text.substring(0, text.length() - 4).split("\r\n", -1)));
		String requestLine = lines.remove(0);
		RawRequest withoutBody = new RawRequest(requestLine, List.copyOf(lines), new byte[0]);
		byte[] body;
		List<String> lengths = withoutBody.headerValues("Content-Length");
		boolean chunked = withoutBody.headerValues("Transfer-Encoding").stream()
			.anyMatch((value) -> value.toLowerCase(Locale.ROOT).contains("chunked"));
		if (chunked) {
			body = readChunked(in);
		}
		else if (!lengths.isEmpty()) {
			body = in.readNBytes(Integer.parseInt(lengths.get(0)));
		}
		else {
			body = new byte[0];
		}
		return new RawRequest(requestLine, List.copyOf(lines), body);
	}

	private static byte[] readChunked(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = readLine(in);
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).strip(), 16);
			if (size == 0) {
				while (!readLine(in).isEmpty()) {
					// trailers
				}
				return body.toByteArray();
			}
			body.writeBytes(in.readNBytes(size));
			readLine(in);
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) >= 0 && b != '\n') {
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	private static boolean closesConnection(RawRequest request, byte[] response) {
		String text = new String(response, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		String head = ((end >= 0) ? text.substring(0, end) : text).toLowerCase(Locale.ROOT);
		if (head.contains("\r\nconnection: close") || !request.headerValues("Connection").isEmpty()
				&& request.headerValues("Connection").get(0).equalsIgnoreCase("close")) {
			return true;
		}
		String status = head.split(" ", 3)[1];
		boolean noBody = request.method().equals("HEAD") || status.equals("204") || status.equals("304")
				|| status.startsWith("1");
		return !noBody && !head.contains("\r\ncontent-length:") && !head.contains("\r\ntransfer-encoding:");
	}

}
