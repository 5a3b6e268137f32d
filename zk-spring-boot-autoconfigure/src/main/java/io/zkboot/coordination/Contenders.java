package io.zkboot.coordination;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * kazoo's contender naming: a contender is an ephemeral sequential child
 * {@code <uuid hex><marker><10-digit sequence>} of the lock path, where the marker is
 * {@value #LOCK} for exclusive and write locks and {@value #READ_LOCK} for read locks.
 * Contenders are ordered by the sequence text, as kazoo sorts them.
 */
final class Contenders {

	static final String LOCK = "__lock__";

	static final String READ_LOCK = "__rlock__";

	private final Pattern excluding;

	private final Pattern all;

	/**
	 * @param excludingMarkers the markers of contenders that exclude this one when they come
	 * first (for a read lock only {@value #LOCK}; for exclusive and write locks both)
	 * @param ownMarker this contender's marker, always counted by {@link #ordered}
	 */
	Contenders(Collection<String> excludingMarkers, String ownMarker) {
		this.excluding = pattern(excludingMarkers);
		List<String> everything = new ArrayList<>(excludingMarkers);
		everything.add(ownMarker);
		this.all = pattern(everything);
	}

	private static Pattern pattern(Collection<String> markers) {
		StringBuilder alternatives = new StringBuilder();
		for (String marker : markers) {
			alternatives.append((alternatives.length() > 0) ? "|" : "").append(Pattern.quote(marker));
		}
		return Pattern.compile("(?:" + alternatives + ")(-?\\d{10})$");
	}

	/**
	 * The contender that must go before {@code own} can hold the lock, as kazoo picks it: the
	 * last excluding contender ordered before {@code own}.
	 * @param children the lock path's children
	 * @param own this contender's node name
	 * @return the predecessor's name, {@code null} when there is none (the lock is held)
	 * @throws IllegalStateException when {@code own} is not among the children
	 */
	@Nullable String predecessor(List<String> children, String own) {
		String ownSequence = sequence(this.all, own);
		if (ownSequence == null || !children.contains(own)) {
			throw new IllegalStateException("contender " + own + " is gone");
		}
		String predecessor = null;
		String predecessorSequence = null;
		for (String child : children) {
			String sequence = sequence(this.excluding, child);
			if (sequence != null && sequence.compareTo(ownSequence) < 0
					&& (predecessorSequence == null || sequence.compareTo(predecessorSequence) > 0)) {
				predecessor = child;
				predecessorSequence = sequence;
			}
		}
		return predecessor;
	}

	/**
	 * Whether no contender that excludes this lock's contenders comes before a given one.
	 * @param children the lock path's children
	 * @param contender a child
	 * @return true when it was first among them
	 */
	boolean isFirst(List<String> children, String contender) {
		String first = sequence(this.all, contender);
		for (String child : children) {
			String sequence = sequence(this.excluding, child);
			if (sequence != null && sequence.compareTo(first) < 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Every contender of any marker this lock knows, ordered by sequence.
	 * @param children the lock path's children
	 * @return the contenders' node names, first holder first
	 */
	List<String> ordered(List<String> children) {
		List<String> contenders = new ArrayList<>();
		for (String child : children) {
			if (sequence(this.all, child) != null) {
				contenders.add(child);
			}
		}
		contenders.sort(Comparator.comparing((String child) -> sequence(this.all, child)));
		return contenders;
	}

	private static @Nullable String sequence(Pattern pattern, String child) {
		Matcher matcher = pattern.matcher(child);
		return matcher.find() ? matcher.group(1) : null;
	}

}
