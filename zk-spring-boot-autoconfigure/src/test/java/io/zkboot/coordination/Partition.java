package io.zkboot.coordination;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between one client and the server that can cut the client off, as a network
 * partition or a frozen process does: the client sees its connection drop (SUSPENDED) while its
 * session lives on in the server until the session timeout ends it. Unlike injecting an
 * expiry, the client learns of the trouble before anyone else can take what it held.
 */
final class Partition implements AutoCloseable {

	private final ServerSocket listener;

	private final InetSocketAddress server;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private volatile boolean cut;

	Partition(String serverConnectString) throws IOException {
		String[] hostPort = serverConnectString.split(":");
		this.server = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "partition-relay");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Where the client connects. */
	String connectString() {
		return "127.0.0.1:" + this.listener.getLocalPort();
	}

	/** Drop the client's connections and refuse new ones until healed. */
	void cut() {
		this.cut = true;
		for (Socket socket : this.open) {
			closeQuietly(socket);
		}
	}

	void heal() {
		this.cut = false;
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				if (this.cut) {
					closeQuietly(client);
					continue;
				}
				Socket upstream = new Socket(this.server.getAddress(), this.server.getPort());
				this.open.add(client);
				this.open.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				// closed, or the server is down: the client retries
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
				}
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.open.remove(from);
				this.open.remove(to);
			}
		}, "partition-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		cut();
	}

}
