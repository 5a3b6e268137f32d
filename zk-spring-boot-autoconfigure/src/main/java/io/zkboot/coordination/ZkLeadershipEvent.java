package io.zkboot.coordination;

import org.springframework.context.ApplicationEvent;

/**
 * This application's participant in an election became leader ({@link Granted}) or stopped
 * being leader ({@link Revoked}). Published on the election's thread: {@link Granted} after the
 * election's listeners were told (leader-only lifecycle beans are running), {@link Revoked}
 * before they are told (they are still running).
 */
public abstract class ZkLeadershipEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final String path;

	private final String participantId;

	ZkLeadershipEvent(ZkLeaderElection source, String path, String participantId) {
		super(source);
		this.path = path;
		this.participantId = participantId;
	}

	/**
	 * The election's path.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * This participant's identifier, as stored in its contender node.
	 * @return the identifier
	 */
	public String getParticipantId() {
		return this.participantId;
	}

	/**
	 * The election.
	 * @return the election the event is about
	 */
	public ZkLeaderElection getElection() {
		return (ZkLeaderElection) getSource();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.path + " " + this.participantId + "]";
	}

	/**
	 * This participant leads now.
	 */
	public static class Granted extends ZkLeadershipEvent {

		private static final long serialVersionUID = 1L;

		Granted(ZkLeaderElection source, String path, String participantId) {
			super(source, path, participantId);
		}

	}

	/**
	 * This participant no longer leads: it yielded, its connection was suspended or its session
	 * lost (as the election's revoke policy says), or it left the election.
	 */
	public static class Revoked extends ZkLeadershipEvent {

		private static final long serialVersionUID = 1L;

		Revoked(ZkLeaderElection source, String path, String participantId) {
			super(source, path, participantId);
		}

	}

}
