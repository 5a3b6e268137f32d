package io.zkboot.cli;

import picocli.CommandLine.Parameters;

/**
 * The first argument of every command that talks to ZooKeeper: where to connect.
 */
class ConnectArgument {

	@Parameters(index = "0", paramLabel = "CONNECT", description = "ZooKeeper connect string, e.g. localhost:2181")
	String connect;

	/**
	 * Connect.
	 * @return the connection
	 */
	Connection open() {
		return Connection.open(this.connect);
	}

}
