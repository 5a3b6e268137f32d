package io.zkboot.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.apache.zookeeper.common.PathUtils;

/**
 * A connect string checked the way ZooKeeper's client reads it (comma-separated
 * {@code host[:port]} servers, IPv6 addresses in brackets, then an optional chroot path), so
 * that a malformed one is refused at once rather than retried in the background.
 */
public final class ZkConnectString {

	private final List<String> hosts;

	private ZkConnectString(List<String> hosts) {
		this.hosts = hosts;
	}

	/**
	 * Checks a connect string.
	 * @param connectString the connect string
	 * @return the checked connect string
	 * @throws IllegalArgumentException saying what is wrong with it
	 */
	public static ZkConnectString parse(String connectString) {
		if (connectString == null || connectString.isEmpty()) {
			throw new IllegalArgumentException("it is empty; give host:port[,host:port...][/chroot]");
		}
		if (connectString.chars().anyMatch(Character::isWhitespace)) {
			throw new IllegalArgumentException("it holds white space");
		}
		int slash = connectString.indexOf('/');
		String servers = (slash >= 0) ? connectString.substring(0, slash) : connectString;
		if (slash >= 0 && slash < connectString.length() - 1) {
			String chroot = connectString.substring(slash);
			try {
				PathUtils.validatePath(chroot);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("the chroot '" + chroot + "' is not a valid path: " + ex.getMessage());
			}
		}
		List<String> hosts = new ArrayList<>();
		for (String server : servers.split(",", -1)) {
			hosts.add(host(server));
		}
		return new ZkConnectString(hosts);
	}

	private static String host(String server) {
		if (server.isEmpty()) {
			throw new IllegalArgumentException("a server is missing (empty between commas, or before the chroot)");
		}
		String host;
		String port = null;
		if (server.startsWith("[")) {
			int end = server.indexOf(']');
			if (end < 0 || (end < server.length() - 1 && server.charAt(end + 1) != ':')) {
				throw new IllegalArgumentException("'" + server + "' is not [IPv6 address]:port");
			}
			host = server.substring(1, end);
			port = (end < server.length() - 1) ? server.substring(end + 2) : null;
		}
		else {
			int colon = server.lastIndexOf(':');
			host = (colon >= 0) ? server.substring(0, colon) : server;
			port = (colon >= 0) ? server.substring(colon + 1) : null;
		}
		if (host.isEmpty()) {
			throw new IllegalArgumentException("the server '" + server + "' has no host");
		}
		if (port != null && !validPort(port)) {
			throw new IllegalArgumentException("the port of '" + server + "' is not a number from 1 to 65535");
		}
		return host;
	}

	private static boolean validPort(String port) {
		if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
			return false;
		}
		int number = Integer.parseInt(port);
		return number >= 1 && number <= 65535;
	}

	/**
	 * The hosts that do not resolve to an address now.
	 * @return the names, empty when every host resolves
	 */
	public List<String> unresolvedHosts() {
		List<String> unresolved = new ArrayList<>();
		for (String host : this.hosts) {
			try {
				InetAddress.getAllByName(host);
			}
			catch (UnknownHostException ex) {
				unresolved.add(host);
			}
		}
		return unresolved;
	}

}
