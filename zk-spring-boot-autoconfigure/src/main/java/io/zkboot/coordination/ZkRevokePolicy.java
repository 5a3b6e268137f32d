package io.zkboot.coordination;

/**
 * When a leader whose connection is in trouble stops leading.
 */
public enum ZkRevokePolicy {

	/**
	 * When the connection is SUSPENDED: the session may be alive, but this leader cannot know,
	 * and another participant leads as soon as the session expires. The safe default: two
	 * leaders at once only if work continues after SUSPENDED. Leadership is granted again if the
	 * same session comes back and this participant is still first.
	 */
	SUSPENDED,

	/**
	 * Only when the session is LOST: a leader keeps leading through short disconnections, at the
	 * risk of overlapping with the next leader for up to the session timeout.
	 */
	LOST

}
