package io.zkboot.coordination;

/**
 * Told, on the election's thread, when this participant becomes leader and when it stops being
 * leader. Granting waits for {@link #granted}; revoking waits for {@link #revoked} before the
 * contender node is given up, so work stopped there is stopped before another participant can
 * lead (unless the session is gone already).
 */
public interface ZkLeadershipListener {

	/**
	 * This participant leads now.
	 * @param election the election
	 */
	void granted(ZkLeaderElection election);

	/**
	 * This participant no longer leads.
	 * @param election the election
	 */
	void revoked(ZkLeaderElection election);

}
