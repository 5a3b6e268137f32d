package io.zkboot.discovery;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The addresses registered for a blank host, as zc.zk chooses them: every non-loopback
 * IPv4 address of the machine's interfaces that are up; only when there is none, the
 * loopback ones.
 */
public final class HostAddresses {

	private HostAddresses() {
	}

	/**
	 * The hosts to register for a configured host.
	 * @param host the configured host; null or blank for every address of the machine
	 * @return the host itself, or the machine's addresses for a blank one
	 */
	public static List<String> forHost(String host) {
		return (host == null || host.isBlank()) ? ofMachine() : List.of(host.trim());
	}

	/**
	 * The machine's IPv4 addresses: the non-loopback ones, or the loopback ones when there
	 * are none.
	 * @return the addresses, never empty
	 * @throws IllegalStateException if the network interfaces cannot be listed
	 */
	public static List<String> ofMachine() {
		List<String> external = new ArrayList<>();
		List<String> loopback = new ArrayList<>();
		for (NetworkInterface network : interfaces()) {
			for (InetAddress address : Collections.list(network.getInetAddresses())) {
				if (address instanceof Inet4Address) {
					(address.isLoopbackAddress() ? loopback : external).add(address.getHostAddress());
				}
			}
		}
		if (!external.isEmpty()) {
			return external;
		}
		return loopback.isEmpty() ? List.of("127.0.0.1") : loopback;
	}

	private static List<NetworkInterface> interfaces() {
		try {
			List<NetworkInterface> up = new ArrayList<>();
			for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				if (network.isUp()) {
					up.add(network);
				}
			}
			return up;
		}
		catch (SocketException ex) {
			throw new IllegalStateException("Cannot list the network interfaces to register a blank host", ex);
		}
	}

}
