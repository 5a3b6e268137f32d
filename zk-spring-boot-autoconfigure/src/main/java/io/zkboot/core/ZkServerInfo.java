package io.zkboot.core;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.FourLetterWordMain;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.common.X509Exception;

/**
 * Server information from ZooKeeper's four-letter-word commands (kazoo's {@code server_version}
 * and {@code command}), sent with ZooKeeper's {@link FourLetterWordMain} to the server the
 * client is connected to, with the client's own {@link ZKClientConfig}: over TLS, with its
 * key and trust stores, when the client uses TLS. A server answers only the words in its
 * {@code 4lw.commands.whitelist}; by default that is {@code srvr} alone, which is what
 * {@link #serverVersion()} uses.
 */
public final class ZkServerInfo {

	private static final Pattern VERSION = Pattern.compile("Zookeeper version: ((\\d+)\\.(\\d+)\\.(\\d+)[^,\\s]*)");

	private final CuratorFramework client;

	private final int timeoutMillis;

	/**
	 * Creates server information for a client.
	 * @param client the Curator client whose current server is asked
	 * @param timeout how long to wait for a connection and an answer
	 */
	public ZkServerInfo(CuratorFramework client, Duration timeout) {
		this.client = client;
		this.timeoutMillis = (int) timeout.toMillis();
	}

	/**
	 * Returns the version of the server the client is connected to, from the {@code srvr} command.
	 * @return the version
	 * @throws ZkException when the server cannot be reached or does not allow {@code srvr}
	 */
	public ZkServerVersion serverVersion() {
		String answer = command("srvr");
		Matcher matcher = VERSION.matcher(answer);
		if (!matcher.find()) {
			throw new ZkException("no version in the server's answer to srvr: " + answer, null, null);
		}
		return new ZkServerVersion(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)),
				Integer.parseInt(matcher.group(4)), matcher.group(1));
	}

	/**
	 * Sends a four-letter-word command (such as {@code srvr}, {@code ruok}, {@code mntr},
	 * {@code conf}) to the server the client is connected to and returns its answer.
	 * @param fourLetterWord the command
	 * @return the server's answer
	 * @throws ZkException when the server cannot be reached or does not allow the command (its
	 * whitelist)
	 */
	public String command(String fourLetterWord) {
		if (fourLetterWord == null || fourLetterWord.length() != 4) {
			throw new IllegalArgumentException("not a four-letter word: " + fourLetterWord);
		}
		InetSocketAddress server = currentServer();
		String answer;
		try {
			answer = FourLetterWordMain.send4LetterWord(server.getHostString(), server.getPort(), fourLetterWord,
					clientConfig(), this.timeoutMillis);
		}
		catch (IOException | X509Exception.SSLContextException ex) {
			throw new ZkException("four-letter word " + fourLetterWord + " to " + server + " failed: " + ex, null, ex);
		}
		// FourLetterWordMain ends every line with \n, a one-line answer (imok) too
		if (answer.endsWith("\n")) {
			answer = answer.substring(0, answer.length() - 1);
		}
		if (answer.contains("is not executed because it is not in the whitelist")) {
			throw new ZkException("the server " + server + " does not allow the four-letter word " + fourLetterWord
					+ " (see its 4lw.commands.whitelist): " + answer.trim(), null, null);
		}
		return answer;
	}

	/**
	 * Returns the address of the server the client is connected to: the ZooKeeper handle's remote
	 * address when it can be read, else the first host of the connect string.
	 * @return the server's address
	 */
	public InetSocketAddress currentServer() {
		try {
			ZooKeeper zooKeeper = this.client.getZookeeperClient().getZooKeeper();
			Method remote = ZooKeeper.class.getDeclaredMethod("testableRemoteSocketAddress");
			remote.setAccessible(true);
			SocketAddress address = (SocketAddress) remote.invoke(zooKeeper);
			if (address instanceof InetSocketAddress inet) {
				return inet;
			}
		}
		catch (Exception ex) {
			// fall back to the connect string
		}
		String hosts = this.client.getZookeeperClient().getCurrentConnectionString();
		String first = hosts.split(",")[0];
		int slash = first.indexOf('/');
		first = (slash >= 0) ? first.substring(0, slash) : first;
		int colon = first.lastIndexOf(':');
		return (colon < 0) ? new InetSocketAddress(first, 2181)
				: new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
	}

	/** The configuration the client's ZooKeeper handle was made with (TLS included). */
	private ZKClientConfig clientConfig() {
		try {
			return this.client.getZookeeperClient().getZooKeeper().getClientConfig();
		}
		catch (Exception ex) {
			throw new ZkException("the client has no ZooKeeper handle to take its configuration from: " + ex, null,
					ex);
		}
	}

}
