package io.zkboot.tree;

import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import io.zkboot.core.NodeProperties;
import io.zkboot.core.ZkBadVersionException;
import io.zkboot.core.ZkNode;
import io.zkboot.core.ZkNoNodeException;
import io.zkboot.core.ZkObservationConvention;
import io.zkboot.core.ZkObservations;
import io.zkboot.core.ZkPath;
import io.zkboot.core.ZkTemplate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.common.ZKConfig;
import org.jspecify.annotations.Nullable;

/**
 * The tree operations of zc.zk on a live ZooKeeper: export a subtree as tree text, import a
 * text (creating, updating and trimming nodes, or only reporting in a dry run), resolve paths
 * through symbolic links, make links, and read properties through property links.
 *
 * <p>Imports read the existing subtrees with {@link ZkTemplate#readTree} (one pipelined read) and
 * are written by {@link TreeImporter} (pipelined {@code multi} transactions); exports read a
 * node's children in one pipelined call and write the text as they go ({@link ExportWriter}). So
 * large trees take a few round trips, not one per node. Thread-safe.
 *
 * <pre>{@code
 * ZkTree tree = new ZkTree(zkTemplate);
 * ImportResult result = tree.importTree(text, "services.tree", ImportOptions.defaults().withBasePath("/app"));
 * String text = tree.export("/app/cms", ExportOptions.defaults());
 * Map<String, Object> properties = tree.properties("/app/retail");
 * }</pre>
 */
public class ZkTree {

	private static final Log logger = LogFactory.getLog(ZkTree.class);

	private static final int LN_ATTEMPTS = 10;

	private final ZkTemplate template;

	/** Reads the properties of live nodes, for links. */
	private final NodeReader liveNodes;

	private final ZkObservations observations;

	/**
	 * Creates the tree operations on a template (and its Curator client and namespace).
	 *
	 * @param template the template
	 */
	public ZkTree(ZkTemplate template) {
		this(template, ObservationRegistry.NOOP);
	}

	/**
	 * Creates the tree operations on a template, observing imports and exports as
	 * {@value ZkObservations#NAME} with the operations {@code import_tree} and {@code export_tree}.
	 *
	 * @param template            the template
	 * @param observationRegistry where observations go
	 */
	public ZkTree(ZkTemplate template, ObservationRegistry observationRegistry) {
		this.template = template;
		this.liveNodes = new CuratorNodeReader(template.getClient());
		this.observations = new ZkObservations(observationRegistry);
	}

	/**
	 * Sets the convention that names the observations of imports and exports and their key
	 * values, in place of {@link io.zkboot.core.DefaultZkObservationConvention}.
	 *
	 * @param convention the convention, or {@code null} for the default one
	 */
	public void setObservationConvention(@Nullable ZkObservationConvention convention) {
		this.observations.setConvention(convention);
	}

	/**
	 * Exports a subtree with zc.zk's defaults (ephemeral nodes left out, the top node keeps its
	 * name).
	 *
	 * @param path the top of the subtree; {@code /} exports every top-level node but
	 *             {@code /zookeeper}
	 * @return the tree text
	 * @throws io.zkboot.core.ZkNoNodeException if there is no node at {@code path}
	 */
	public String export(String path) {
		return export(path, ExportOptions.defaults());
	}

	/**
	 * Exports a subtree as tree text in zc.zk's order and layout (see {@link TreeExport}). The
	 * text imports back unchanged.
	 *
	 * @param path    the top of the subtree
	 * @param options whether to export ephemeral nodes, and a new name for the top node
	 * @return the tree text
	 * @throws io.zkboot.core.ZkNoNodeException if there is no node at {@code path}
	 */
	public String export(String path, ExportOptions options) {
		StringWriter text = new StringWriter();
		export(path, options, text);
		return text.toString();
	}

	/**
	 * Exports a subtree as tree text to a writer while reading it, in the same order and layout
	 * as {@link #export(String, ExportOptions)}: a node's children are read together (one
	 * pipelined call) and each node is written as soon as its turn comes, so that memory holds the
	 * children of the nodes on the current path, not the whole subtree or its text. The writer is
	 * neither flushed nor closed. A node deleted during the export is left out with what is below
	 * it, as in a read of the whole subtree.
	 *
	 * @param path    the top of the subtree
	 * @param options whether to export ephemeral nodes, and a new name for the top node
	 * @param out     where the text goes
	 * @throws io.zkboot.core.ZkNoNodeException if there is no node at {@code path}
	 * @throws java.io.UncheckedIOException    if the writer fails (the text written so far is
	 *                                         incomplete)
	 */
	public void export(String path, ExportOptions options, Writer out) {
		observations.observe("export_tree", path, () -> {
			new ExportWriter(template, out, options.ephemeral()).write(path, options.name());
			return null;
		});
	}

	/**
	 * Imports a tree text: parses it, checks that every node's data fits in a request
	 * ({@code jute.maxbuffer} of the client), reads the existing subtrees of its top-level nodes
	 * (with {@link ZkTemplate#readTree}), checks its links, plans the changes as zc.zk's
	 * {@code import_tree} makes them and applies them (or, in a dry run, only reports them).
	 * Nothing is written when the text is bad. A link to no node, to no property or in a loop is
	 * imported with a warning (in the result and the log), as zc.zk imports it, or refused with
	 * {@link ImportOptions#withStrictLinks()}; a link that climbs above {@code /} is refused.
	 *
	 * @param text       the tree text
	 * @param sourceName the name used in messages, for example a file name
	 * @param options    base path, trim policy, dry run, ACL, strict links
	 * @return what was (or would be) added, updated, unchanged, deleted and left in place, and
	 *         the warnings about links
	 * @throws TreeSyntaxException if the text cannot be read, a node's data is too large, a link
	 *                             climbs above {@code /}, or (with strict links) a link leads
	 *                             nowhere or into a loop (naming the source, line and column)
	 * @throws TreeImportException if the base path does not exist (a real run), or ZooKeeper
	 *                             refuses a transaction
	 */
	public ImportResult importTree(String text, String sourceName, ImportOptions options) {
		return observations.observe("import_tree", options.basePath(), () -> importText(text, sourceName, options));
	}

	private ImportResult importText(String text, String sourceName, ImportOptions options) {
		TreeNode tree = TreeParser.parse(text, sourceName);
		String base = options.basePath();
		NodeDataLimit.check(tree, base, maxPacket());
		List<String> tops = tree.children().keySet().stream().map(name -> ZkPath.child(base, name)).toList();
		List<NodeRecord> existing = readExisting(base, tops, options.dryRun());
		List<String> warnings = checkLinks(tree, base, tops, existing, options.strictLinks());
		ImportPlan plan = ImportPlanner.plan(tree, base, existing, options.trim());
		if (!options.dryRun()) {
			new TreeImporter(template.getClient(), options.acl()).apply(plan);
		}
		ImportResult result = ImportResult.of(sourceName, base, plan, options.dryRun(), warnings);
		log(result);
		return result;
	}

	/** One line per import; a dry run's line lists what it would do, one change a line. */
	private static void log(ImportResult result) {
		if (!logger.isInfoEnabled()) {
			return;
		}
		StringBuilder line = new StringBuilder(result.dryRun() ? "Dry run of tree " : "Imported tree ")
			.append(result.source()).append(" at ").append(result.basePath()).append(": ").append(result.summary());
		if (result.dryRun()) {
			result.messages().forEach((message) -> line.append(System.lineSeparator()).append("  ").append(message));
		}
		logger.info(line);
	}

	/** The largest request the client expects the server to take: its {@code jute.maxbuffer}. */
	private int maxPacket() {
		try {
			return template.getClient().getZookeeperClient().getZooKeeper().getClientConfig()
				.getInt(ZKConfig.JUTE_MAXBUFFER, ZKClientConfig.CLIENT_MAX_PACKET_LENGTH_DEFAULT);
		}
		catch (Exception ex) {
			throw new TreeImportException("cannot read the client's jute.maxbuffer", null, null, ex);
		}
	}

	/**
	 * Resolves a path through symbolic links, as zc.zk's {@code resolve} (see
	 * {@link LinkResolver}).
	 *
	 * @param path an absolute path, possibly through links, {@code .} and {@code ..}
	 * @return the real path of the node
	 * @throws NoSuchNodeException if the path leads nowhere
	 * @throws LinkLoopException   if links lead in a circle
	 */
	public String resolve(String path) {
		return new LinkResolver(this.liveNodes).resolve(path);
	}

	/**
	 * Makes a symbolic link, as zc.zk's {@code ln}: sets the property {@code name ->} of the
	 * link's parent node to {@code target}. The parent's properties are read and written back
	 * with a version check, again if another client changed them in between. The target is not
	 * checked.
	 *
	 * @param target   the path the link points to, absolute or relative to the link's parent; a
	 *                 target ending in {@code /} gets the link's name appended
	 * @param linkPath the path of the link, for example {@code /retail/databases/main}
	 * @throws io.zkboot.core.ZkNoNodeException if the link's parent does not exist
	 */
	public void ln(String target, String linkPath) {
		LinkEdit edit = LinkEdit.ln(target, linkPath);
		for (int attempt = 1;; attempt++) {
			ZkNode node = template.get(edit.node());
			byte[] data = NodeProperties.encode(edit.applyTo(NodeProperties.decode(edit.node(), node.data())));
			try {
				template.set(edit.node(), data, node.stat().getVersion());
				return;
			}
			catch (ZkBadVersionException ex) {
				if (attempt == LN_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Reads a node's properties as zc.zk's {@code properties} shows them: the path is resolved
	 * through symbolic links, and a property link {@code name => path [property]} reads as
	 * {@code name} with the linked value (a stored {@code name} shadows it). Symbolic links stay
	 * as their stored {@code name ->} entries.
	 *
	 * @param path the node's path, possibly through links
	 * @return the properties in stored order
	 * @throws NoSuchNodeException      if the path leads nowhere
	 * @throws BadPropertyLinkException if a property link cannot be followed
	 */
	public Map<String, Object> properties(String path) {
		Map<String, Object> stored = this.liveNodes.properties(resolve(path)).orElseThrow(() -> new NoSuchNodeException(path));
		Map<String, Object> properties = new LinkedHashMap<>();
		new PropertyLinkReader(this.liveNodes).readAll(path, stored, properties::put, (name, bad) -> {
			throw bad;
		});
		return properties;
	}

	private List<NodeRecord> read(String path, boolean includeEphemeral) {
		return template.readTree(path, includeEphemeral).stream().map(NodeRecord::of).toList();
	}

	/**
	 * Reads the existing subtrees of the text's top-level nodes: all that an import can change
	 * (the base path's other children are never touched). A missing base path is an error,
	 * except in a dry run.
	 */
	private List<NodeRecord> readExisting(String base, List<String> tops, boolean dryRun) {
		if (!template.exists(base)) {
			if (dryRun) {
				return List.of();
			}
			throw new TreeImportException("the import path " + base + " does not exist", base,
					KeeperException.Code.NONODE, null);
		}
		List<NodeRecord> existing = new ArrayList<>();
		for (String top : tops) {
			try {
				existing.addAll(read(top, true));
			}
			catch (ZkNoNodeException ex) {
				// a new top-level node: nothing exists below it
			}
		}
		return existing;
	}

	/**
	 * Checks every link of the text against the tree as it will be: the text's nodes over the
	 * subtrees just read, and the rest of ZooKeeper beyond them. A link that climbs above
	 * {@code /}, and with strict links any problem, is thrown; the others are logged and
	 * returned as warnings.
	 */
	private List<String> checkLinks(TreeNode tree, String base, List<String> tops, List<NodeRecord> existing,
			boolean strict) {
		NodeReader records = NodeReader.forRecords(existing);
		NodeReader before = path -> tops.stream().anyMatch(top -> path.equals(top) || path.startsWith(top + "/"))
				? records.properties(path) : this.liveNodes.properties(path);
		List<LinkProblem> problems = LinkChecker.check(tree, base, NodeReader.forTree(tree, base, before));
		List<LinkProblem> refused = problems.stream().filter(problem -> strict || !problem.importable()).toList();
		if (!refused.isEmpty()) {
			TreeSyntaxException first = refused.get(0).toException();
			refused.subList(1, refused.size()).forEach(problem -> first.addSuppressed(problem.toException()));
			throw first;
		}
		List<String> warnings = problems.stream().map(LinkProblem::message).toList();
		warnings.forEach(warning -> logger.warn(warning + " (imported as zc.zk does; strict links refuse it)"));
		return warnings;
	}
}
