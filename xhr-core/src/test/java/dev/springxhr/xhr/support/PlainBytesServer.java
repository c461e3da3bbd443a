package dev.springxhr.xhr.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP server on 127.0.0.1 and a random port that answers every connection at once with plain HTTP/1.1 bytes and
 * closes it, without reading: on a URL with {@code https}, the client's TLS handshake gets bytes that are no TLS
 * record.
 */
public final class PlainBytesServer implements AutoCloseable {

	private static final byte[] ANSWER = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
		.getBytes(StandardCharsets.ISO_8859_1);

	private final ServerSocket socket;

	private PlainBytesServer() throws IOException {
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::acceptLoop, "plain-bytes-server-" + this.socket.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** @return a started server */
	public static PlainBytesServer start() {
		try {
			return new PlainBytesServer();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void acceptLoop() {
		while (!this.socket.isClosed()) {
			try (Socket connection = this.socket.accept()) {
				connection.getOutputStream().write(ANSWER);
				connection.getOutputStream().flush();
				connection.shutdownOutput();
			}
			catch (IOException ex) {
				// the client went away, or the server was closed
			}
		}
	}

	/**
	 * @param path the path
	 * @return an {@code https} URL of this server
	 */
	public String httpsUrl(String path) {
		return "https://127.0.0.1:" + this.socket.getLocalPort() + path;
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

}
