package io.zkboot.watch;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.zkboot.tree.BadPropertyLinkException;
import io.zkboot.tree.NodeReader;
import io.zkboot.tree.PropertyLinkReader;
import org.jspecify.annotations.Nullable;

/**
 * A node's properties as zc.zk's properties objects show them (its mapping view): every stored
 * property, and for every property link {@code X =>} whose {@code X} is not stored, the key
 * {@code X} with the value read through the link. Symbolic links ({@code X ->}) are ordinary
 * entries. Links are followed once, when the properties are made; reading the value of a link
 * that could not be followed throws the {@link BadPropertyLinkException} it failed with.
 */
final class ResolvedProperties extends AbstractMap<String, Object> {

	static final ResolvedProperties EMPTY = new ResolvedProperties(Map.of(), Map.of());

	private final Map<String, Object> stored;

	private final Map<String, Object> values;

	private ResolvedProperties(Map<String, Object> stored, Map<String, Object> values) {
		this.stored = Collections.unmodifiableMap(stored);
		this.values = values;
	}

	/**
	 * Follows the property links of stored properties.
	 * @param stored the properties as stored
	 * @param path the path the properties were opened with, which relative links start from
	 * @param reader where the nodes along the links are read
	 * @return the properties with the links followed
	 */
	static ResolvedProperties resolve(Map<String, Object> stored, String path, NodeReader reader) {
		Map<String, Object> values = new LinkedHashMap<>();
		new PropertyLinkReader(reader).readAll(path, stored, values::put,
				(name, bad) -> values.put(name, new Unreadable(bad)));
		return new ResolvedProperties(stored, values);
	}

	/**
	 * The properties as stored, link entries ({@code X =>}) included.
	 * @return an unmodifiable map
	 */
	Map<String, Object> stored() {
		return this.stored;
	}

	/**
	 * Checks that every link could be followed, as zc.zk does before writing.
	 * @throws BadPropertyLinkException for the first link that could not
	 */
	void checkLinks() {
		this.values.values().forEach(ResolvedProperties::unwrap);
	}

	@Override
	public @Nullable Object get(Object key) {
		return unwrap(this.values.get(key));
	}

	@Override
	public boolean containsKey(Object key) {
		return this.values.containsKey(key);
	}

	@Override
	public int size() {
		return this.values.size();
	}

	@Override
	public Set<String> keySet() {
		return Collections.unmodifiableSet(this.values.keySet());
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		return new Entries();
	}

	private static @Nullable Object unwrap(@Nullable Object value) {
		if (value instanceof Unreadable unreadable) {
			throw unreadable.reason();
		}
		return value;
	}

	/**
	 * The value of a property link that could not be followed.
	 *
	 * @param reason why
	 */
	private record Unreadable(BadPropertyLinkException reason) {

	}

	/**
	 * The entries, whose values are unwrapped when read.
	 */
	private final class Entries extends AbstractSet<Entry<String, Object>> {

		@Override
		public Iterator<Entry<String, Object>> iterator() {
			return ResolvedProperties.this.values.keySet()
				.stream()
				.<Entry<String, Object>>map(ResolvedEntry::new)
				.iterator();
		}

		@Override
		public int size() {
			return ResolvedProperties.this.values.size();
		}

	}

	/**
	 * One read-only entry, reading its value when asked.
	 */
	private final class ResolvedEntry implements Entry<String, Object> {

		private final String key;

		ResolvedEntry(String key) {
			this.key = key;
		}

		@Override
		public String getKey() {
			return this.key;
		}

		@Override
		public Object getValue() {
			return get(this.key);
		}

		@Override
		public Object setValue(Object value) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Entry<?, ?> entry && this.key.equals(entry.getKey())
					&& Objects.equals(getValue(), entry.getValue());
		}

		@Override
		public int hashCode() {
			return this.key.hashCode() ^ Objects.hashCode(getValue());
		}

		@Override
		public String toString() {
			return this.key + "=" + getValue();
		}

	}

}
