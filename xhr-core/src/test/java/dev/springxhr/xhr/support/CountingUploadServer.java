package dev.springxhr.xhr.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 that reads request bodies (Content-Length or chunked) at a set pace, counts the
 * body bytes as they arrive ({@link #received()}), and answers {@code 200} with the count as the body. It proves what
 * a client streams: a client that holds a whole body before sending cannot get ahead of {@link #received()} by less
 * than the body. Each connection is served on a thread of its own, one request per connection.
 *
 * <p>Kept because neither WireMock nor Reactor Netty lets a test pace how fast a request body is read and count its
 * bytes as they arrive. Register it through {@link XhrTestServer#countingUploads(int, long)}.
 */
public final class CountingUploadServer implements AutoCloseable {

	private final int readBytesPerPause;

	private final long pauseNanos;

	private final AtomicLong received = new AtomicLong();

	private final List<String> lastHeaders = new ArrayList<>();

	private ServerSocket socket;

	private Thread acceptor;

	/**
	 * @param readBytesPerPause how many bytes the server reads before it pauses, or 0 to read at full speed
	 * @param pauseMillis the pause
	 */
	public CountingUploadServer(int readBytesPerPause, long pauseMillis) {
		this.readBytesPerPause = readBytesPerPause;
		this.pauseNanos = pauseMillis * 1_000_000L;
	}

	/**
	 * Start listening on a random loopback port.
	 * @return this server
	 */
	public CountingUploadServer start() {
		try {
			this.socket = new ServerSocket();
			if (this.readBytesPerPause > 0) {
				// A small receive window, so that a paced server really holds the client back (loopback buffers are
				// several MiB otherwise); accepted sockets inherit it.
				this.socket.setReceiveBufferSize(64 * 1024);
			}
			this.socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.acceptor = new Thread(this::acceptLoop, "counting-upload-server");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
		return this;
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.socket.getLocalPort() + path;
	}

	/** Body bytes received since the last {@link #reset()}. */
	public long received() {
		return this.received.get();
	}

	/** The header lines of the last request. */
	public synchronized List<String> lastHeaders() {
		return new ArrayList<>(this.lastHeaders);
	}

	public void reset() {
		this.received.set(0);
	}

	private void acceptLoop() {
		while (!this.socket.isClosed()) {
			try {
				Socket connection = this.socket.accept();
				Thread handler = new Thread(() -> serve(connection), "counting-upload-connection");
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket connection) {
		try (connection) {
			InputStream in = new BufferedInputStream(connection.getInputStream(), 64 * 1024);
			List<String> headers = new ArrayList<>();
			String line = readLine(in);
			long contentLength = -1;
			boolean chunked = false;
			while ((line = readLine(in)) != null && !line.isEmpty()) {
				headers.add(line);
				String lower = line.toLowerCase(Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					contentLength = Long.parseLong(line.substring(15).trim());
				}
				if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
			}
			synchronized (this) {
				this.lastHeaders.clear();
				this.lastHeaders.addAll(headers);
			}
			long total = 0;
			if (chunked) {
				long size;
				while ((size = Long.parseLong(readLine(in).trim(), 16)) > 0) {
					total += readBody(in, size);
					readLine(in);
				}
				readLine(in);
			}
			else if (contentLength > 0) {
				total = readBody(in, contentLength);
			}
			byte[] body = Long.toString(total).getBytes(StandardCharsets.US_ASCII);
			OutputStream out = connection.getOutputStream();
			out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
					+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
		}
		catch (IOException | RuntimeException ex) {
			// the client went away: nothing to answer
		}
	}

	private long readBody(InputStream in, long length) throws IOException {
		byte[] buffer = new byte[16 * 1024];
		long remaining = length;
		long sincePause = 0;
		while (remaining > 0) {
			int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
			if (read < 0) {
				throw new IOException("body cut short");
			}
			remaining -= read;
			this.received.addAndGet(read);
			sincePause += read;
			if (this.readBytesPerPause > 0 && sincePause >= this.readBytesPerPause) {
				sincePause = 0;
				LockSupport.parkNanos(this.pauseNanos);
			}
		}
		return length;
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) >= 0) {
			if (c == '\n') {
				int last = line.length() - 1;
				return (last >= 0 && line.charAt(last) == '\r') ? line.substring(0, last) : line.toString();
			}
			line.append((char) c);
		}
		return (line.length() > 0) ? line.toString() : null;
	}

}
