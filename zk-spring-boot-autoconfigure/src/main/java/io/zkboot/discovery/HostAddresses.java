package io.zkboot.discovery;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * zc.zk's choice of the addresses to register for a blank host: every non-loopback IPv4
 * address of the machine's interfaces that are up; only when there is none, the loopback
 * ones. Used with {@code zk.registry.all-addresses=true}; by default the one address Spring
 * Cloud's {@code InetUtils} chooses is registered instead. Spring Cloud Commons has no
 * listing of every address, which is why this one is kept.
 */
public final class HostAddresses {

	private HostAddresses() {
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
