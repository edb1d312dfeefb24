package cn.resettlement.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service that accepts connections and never answers: the slowest service there is.
 */
final class BlackHole implements AutoCloseable {

	private final ServerSocket server;

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	private BlackHole(ServerSocket server) {
		this.server = server;
	}

	static BlackHole start() {
		try {
			BlackHole hole = new BlackHole(new ServerSocket(0, 100, InetAddress.getLoopbackAddress()));
			Thread acceptor = new Thread(hole::accept, "black-hole");
			acceptor.setDaemon(true);
			acceptor.start();
			return hole;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				this.held.add(this.server.accept());
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
			for (Socket socket : this.held) {
				socket.close();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
