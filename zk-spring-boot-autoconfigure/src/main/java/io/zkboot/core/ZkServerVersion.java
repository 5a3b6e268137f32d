package io.zkboot.core;

/**
 * A ZooKeeper server's version, as kazoo's {@code server_version()} gives it.
 *
 * @param major the major version (3 for 3.9.4)
 * @param minor the minor version (9 for 3.9.4)
 * @param patch the patch version (4 for 3.9.4)
 * @param full the full version string the server reported (for example {@code 3.9.4} or
 * {@code 3.9.4-SNAPSHOT})
 */
public record ZkServerVersion(int major, int minor, int patch, String full) {

	@Override
	public String toString() {
		return this.full;
	}

}
