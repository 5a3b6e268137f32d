package io.zkboot.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * The properties of one {@code zk:} import as one property source, named {@code zk:} and the
 * imported node's path: those of the node and of every node below it, each node's names
 * prefixed with its path below the imported node ({@code /config/myapp/db} imported as
 * {@code zk:/config/myapp} gives {@code db.*}). Where two nodes give the same name, the node
 * read first (a parent before its children, children in code-point order) wins. A node's
 * properties are replaced, as a whole, when it changes.
 * <p>
 * One property source per import, rather than one per node, and the same array of names as
 * long as the names stay the same, keep a re-bind as fast with a thousand properties in a
 * hundred nodes as with one: Spring Boot's binder visits every property source of the
 * environment for each name it binds, and asks each for its names to see whether they changed.
 */
public class ZkPropertySource extends EnumerablePropertySource<String> {

	private volatile Contents contents;

	/**
	 * Creates the property source.
	 * @param path the imported node's path, which is also the source's object
	 * @param nodes the imported node and the nodes below it, in the order they were read
	 */
	ZkPropertySource(String path, List<ImportedNode> nodes) {
		super("zk:" + path, path);
		this.contents = Contents.of(nodes, null);
	}

	/**
	 * The imported node's path.
	 * @return the path
	 */
	public String getPath() {
		return getSource();
	}

	/**
	 * The paths of the nodes whose properties this source holds: the imported node and the
	 * nodes below it, in the order they were read.
	 * @return the paths
	 */
	public List<String> getNodePaths() {
		return this.contents.nodes().stream().map(ImportedNode::path).toList();
	}

	@Override
	public @Nullable Object getProperty(String name) {
		return this.contents.properties().get(name);
	}

	@Override
	public boolean containsProperty(String name) {
		return this.contents.properties().containsKey(name);
	}

	/**
	 * The names of the properties: the same array as long as they stay the same, so that
	 * Spring Boot's binder sees at a glance that they did; not to be modified.
	 * @return the names
	 */
	@Override
	public String[] getPropertyNames() {
		return this.contents.names();
	}

	List<ImportedNode> nodes() {
		return this.contents.nodes();
	}

	/**
	 * The node at the path, or {@code null} when this source holds none.
	 */
	ImportedNode node(String path) {
		return this.contents.nodes().stream().filter((node) -> node.path().equals(path)).findFirst().orElse(null);
	}

	/**
	 * Replaces the node of the same path with its newer version.
	 */
	synchronized void replace(ImportedNode changed) {
		List<ImportedNode> nodes = new ArrayList<>(this.contents.nodes());
		nodes.replaceAll((node) -> node.path().equals(changed.path()) ? changed : node);
		this.contents = Contents.of(nodes, this.contents);
	}

	/**
	 * Adds a node right after its parent.
	 * @return {@code false} when this source holds the node already
	 */
	synchronized boolean addAfter(String parentPath, ImportedNode added) {
		if (node(added.path()) != null) {
			return false;
		}
		List<ImportedNode> nodes = new ArrayList<>(this.contents.nodes());
		nodes.add(getNodePaths().indexOf(parentPath) + 1, added);
		this.contents = Contents.of(nodes, this.contents);
		return true;
	}

	/** The nodes, their properties merged (the first node giving a name wins) and the names. */
	private record Contents(List<ImportedNode> nodes, Map<String, Object> properties, String[] names) {

		static Contents of(List<ImportedNode> nodes, Contents previous) {
			Map<String, Object> properties = new LinkedHashMap<>();
			nodes.forEach((node) -> node.properties().forEach(properties::putIfAbsent));
			String[] names = properties.keySet().toArray(String[]::new);
			if (previous != null && Arrays.equals(names, previous.names())) {
				names = previous.names();
			}
			return new Contents(List.copyOf(nodes), properties, names);
		}

	}

}
