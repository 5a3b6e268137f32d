package io.zkboot.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.zkboot.core.ZkInvalidPathException;
import io.zkboot.core.ZkNoNodeException;
import io.zkboot.core.ZkNode;
import io.zkboot.core.ZkPath;
import io.zkboot.core.ZkTemplate;
import io.zkboot.tree.NodeRecord;
import io.zkboot.tree.TreeExport;
import io.zkboot.tree.TreeNode;
import io.zkboot.tree.TreeRenderer;
import org.apache.zookeeper.data.Stat;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code /actuator/zktree}: the ZooKeeper tree, read-only, as nested JSON nodes or, for
 * {@code Accept: text/plain}, in zc.zk's text format from the same exporter as
 * {@code zk export}. Parameters: {@code path} (also as trailing path segments),
 * {@code ephemeral}, {@code depth}, {@code stat}. Property values are shown or masked as
 * {@code /actuator/env} shows or masks them ({@code management.endpoint.zktree.show-values},
 * {@code SanitizingFunction} beans); types, links and property links are structure and are
 * always shown.
 */
@Endpoint(id = "zktree")
public class ZkTreeEndpoint {

	private final ZkTemplate template;

	private final Sanitizer sanitizer;

	private final Show showValues;

	private final Set<String> roles;

	/**
	 * Create the endpoint.
	 * @param template how the tree is read
	 * @param sanitizingFunctions the application's sanitizing functions
	 * @param showValues when values are shown unmasked
	 * @param roles the roles that may see values under {@link Show#WHEN_AUTHORIZED}
	 */
	public ZkTreeEndpoint(ZkTemplate template, Iterable<SanitizingFunction> sanitizingFunctions,
			Show showValues, Set<String> roles) {
		this.template = template;
		this.sanitizer = new Sanitizer(sanitizingFunctions);
		this.showValues = showValues;
		this.roles = roles;
	}

	/**
	 * The tree at a path given as a parameter ({@code /} by default).
	 * @param securityContext who asks
	 * @param format JSON or text, from the Accept header
	 * @param path the subtree's path
	 * @param ephemeral whether to include ephemeral nodes
	 * @param depth how many levels below the path to include (all by default)
	 * @param stat whether to include each node's stat (JSON only)
	 * @return the tree, or 404 when the path does not exist
	 */
	@ReadOperation(producesFrom = ZkTreeFormat.class)
	public WebEndpointResponse<Object> tree(SecurityContext securityContext, ZkTreeFormat format,
			@Nullable String path, @Nullable Boolean ephemeral, @Nullable Integer depth, @Nullable Boolean stat) {
		return answer(securityContext, format, (path != null) ? path : "/", ephemeral, depth, stat);
	}

	/**
	 * The tree at a path given as trailing segments ({@code /actuator/zktree/cms/providers}).
	 * @param securityContext who asks
	 * @param format JSON or text, from the Accept header
	 * @param segments the path's segments
	 * @param ephemeral whether to include ephemeral nodes
	 * @param depth how many levels below the path to include (all by default)
	 * @param stat whether to include each node's stat (JSON only)
	 * @return the tree, or 404 when the path does not exist
	 */
	@ReadOperation(producesFrom = ZkTreeFormat.class)
	public WebEndpointResponse<Object> subtree(SecurityContext securityContext, ZkTreeFormat format,
			@Selector(match = Selector.Match.ALL_REMAINING) String[] segments, @Nullable Boolean ephemeral,
			@Nullable Integer depth, @Nullable Boolean stat) {
		return answer(securityContext, format, "/" + String.join("/", segments), ephemeral, depth, stat);
	}

	private WebEndpointResponse<Object> answer(SecurityContext securityContext, ZkTreeFormat format, String path,
			@Nullable Boolean ephemeral, @Nullable Integer depth, @Nullable Boolean stat) {
		boolean withEphemeral = Boolean.TRUE.equals(ephemeral);
		int levels = (depth != null) ? depth : Integer.MAX_VALUE - 1;
		if (levels < 0) {
			return new WebEndpointResponse<>(Map.of("message", "depth must not be negative"), 400);
		}
		List<ZkNode> nodes;
		try {
			nodes = this.template.readTree(path, true, levels);
		}
		catch (ZkNoNodeException ex) {
			return new WebEndpointResponse<>(Map.of("message", "no ZooKeeper node " + path), 404);
		}
		catch (ZkInvalidPathException ex) {
			return new WebEndpointResponse<>(Map.of("message", ex.getMessage()), 400);
		}
		List<NodeRecord> records = nodes.stream().map(NodeRecord::of).toList();
		boolean showUnsanitized = this.showValues.isShown(securityContext, this.roles);
		TreeNode exported = TreeExport.model(records, path, withEphemeral, null);
		if (format == ZkTreeFormat.TEXT) {
			String parent = "/".equals(path) ? "" : path.substring(0, path.lastIndexOf('/'));
			TreeNode shown = copy(exported, parent, levels + 1, showUnsanitized);
			return new WebEndpointResponse<>(TreeRenderer.render(shown), 200, format.getProducedMimeType());
		}
		Map<String, ZkNode> byPath = nodes.stream().collect(Collectors.toMap(ZkNode::path, Function.identity()));
		// exporting / gives the anonymous root holding the top-level nodes; any other path, that node
		TreeNode top = "/".equals(path) ? exported : exported.children().values().iterator().next();
		ZkTreeDescriptor body = describe(top, path, byPath, levels, Boolean.TRUE.equals(stat), showUnsanitized);
		return new WebEndpointResponse<>(body, 200, format.getProducedMimeType());
	}

	private ZkTreeDescriptor describe(TreeNode node, String path, Map<String, ZkNode> byPath, int levels,
			boolean stat, boolean showUnsanitized) {
		List<ZkTreeDescriptor> children = new ArrayList<>();
		if (levels > 0) {
			node.children()
				.forEach((name, child) -> children
					.add(describe(child, ZkPath.child(path, name), byPath, levels - 1, stat, showUnsanitized)));
		}
		ZkNode zkNode = byPath.get(path);
		return new ZkTreeDescriptor(node.name(), path, node.type().orElse(null),
				values(path, node, showUnsanitized), node.links(), node.propertyLinks(), zkNode.stat().getEphemeralOwner() != 0,
				stat ? stat(zkNode.stat()) : null, children);
	}

	private Map<String, Object> values(String path, TreeNode node, boolean showUnsanitized) {
		Map<String, Object> plain = new LinkedHashMap<>();
		node.properties().forEach((name, value) -> {
			if (isPlain(name)) {
				plain.put(name, value);
			}
		});
		MapPropertySource source = new MapPropertySource(path.isEmpty() ? "/" : path, plain);
		Map<String, Object> shown = new LinkedHashMap<>();
		plain.forEach((name, value) -> shown.put(name,
				this.sanitizer.sanitize(new SanitizableData(source, name, value), showUnsanitized)));
		return shown;
	}

	private TreeNode copy(TreeNode node, String path, int levels, boolean showUnsanitized) {
		TreeNode copy = new TreeNode(node.name(), null);
		Map<String, Object> shown = values(path, node, showUnsanitized);
		node.properties()
			.forEach((name, value) -> copy.putProperty(name, isPlain(name) ? shown.get(name) : value, null));
		if (levels > 0) {
			node.children()
				.forEach((name, child) -> copy.addChild(copy(child, path + "/" + name, levels - 1, showUnsanitized)));
		}
		return copy;
	}

	private static boolean isPlain(String name) {
		return !name.equals(TreeNode.TYPE) && !name.endsWith(TreeNode.LINK_SUFFIX)
				&& !name.endsWith(TreeNode.PROPERTY_LINK_SUFFIX);
	}

	private static Map<String, Object> stat(Stat stat) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("czxid", stat.getCzxid());
		described.put("mzxid", stat.getMzxid());
		described.put("pzxid", stat.getPzxid());
		described.put("ctime", stat.getCtime());
		described.put("mtime", stat.getMtime());
		described.put("version", stat.getVersion());
		described.put("cversion", stat.getCversion());
		described.put("aversion", stat.getAversion());
		described.put("ephemeralOwner", stat.getEphemeralOwner());
		described.put("dataLength", stat.getDataLength());
		described.put("numChildren", stat.getNumChildren());
		return described;
	}

}
