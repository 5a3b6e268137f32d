package io.zkboot.coordination.recipe;

import java.util.List;

import org.springframework.context.ApplicationEvent;

/**
 * Published when the members of a party change, for a {@link ZkParty} whose
 * {@link ZkParty#publishEvents()} was called (and once with the members at that moment).
 */
public class ZkPartyChangedEvent extends ApplicationEvent {

	private final String path;

	private final List<String> members;

	private final boolean participating;

	/**
	 * Creates an event.
	 * @param party the party
	 * @param path the party's path
	 * @param members the members' identifiers in node-name order
	 * @param participating whether this instance was a member when the event was made
	 */
	public ZkPartyChangedEvent(ZkParty party, String path, List<String> members, boolean participating) {
		super(party);
		this.path = path;
		this.members = List.copyOf(members);
		this.participating = participating;
	}

	/**
	 * The party's path.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * The members.
	 * @return their identifiers in node-name order
	 */
	public List<String> getMembers() {
		return this.members;
	}

	/**
	 * Whether this instance was a member.
	 * @return {@code true} while it takes part
	 */
	public boolean isParticipating() {
		return this.participating;
	}

	/**
	 * The party.
	 * @return the party whose members changed
	 */
	public ZkParty getParty() {
		return (ZkParty) getSource();
	}

}
