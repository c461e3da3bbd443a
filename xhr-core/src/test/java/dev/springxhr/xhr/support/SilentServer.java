package dev.springxhr.xhr.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A TCP server on 127.0.0.1 and a random port that accepts connections and then neither reads nor writes: a
 * request never gets an answer, and a large request body stalls once the socket buffers are full (its receive
 * buffer is kept small).
 *
 * <p>Kept because WireMock and Reactor Netty always read the request and answer in the end; this socket never does.
 */
public final class SilentServer implements AutoCloseable {

	private final ServerSocket socket;

	private final Queue<Socket> accepted = new ConcurrentLinkedQueue<>();

	private final Thread acceptor;

	private SilentServer() throws IOException {
		this.socket = new ServerSocket();
		this.socket.setReceiveBufferSize(4096);
		this.socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		this.acceptor = new Thread(this::acceptLoop, "silent-server-" + this.socket.getLocalPort());
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	/** @return a started server */
	public static SilentServer start() {
		try {
			return new SilentServer();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void acceptLoop() {
		while (!this.socket.isClosed()) {
			try {
				this.accepted.add(this.socket.accept());
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	/** @return the number of connections accepted */
	public int connectionCount() {
		return this.accepted.size();
	}

	/**
	 * @param path the path
	 * @return the URL on this server
	 */
	public String url(String path) {
		return "http://127.0.0.1:" + this.socket.getLocalPort() + path;
	}

	@Override
	public void close() {
		try {
			this.socket.close();
			for (Socket each : this.accepted) {
				each.close();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
