package io.zkboot.benchmarks;

import java.util.ArrayList;
import java.util.List;

import io.zkboot.core.DeleteOptions;
import io.zkboot.core.NodeProperties;
import io.zkboot.core.ZkTemplate;
import io.zkboot.tree.ImportOptions;
import io.zkboot.tree.TreeNode;
import io.zkboot.tree.TreeParser;
import io.zkboot.tree.ZkTree;

/**
 * {@link ZkTree}'s import and export of a tree text against the plain ZooKeeper client's
 * asynchronous API making the same creates and reads on the same session, and against zc.zk's
 * way (the calls of its {@code import_tree} and {@code export_tree}, one synchronous call at a
 * time). ZkTree's times are the whole operation: parse, read of the existing subtree, link
 * check, plan and pipelined {@code multi} transactions for the import; pipelined read and
 * rendering of the text for the export (one more row shows the export's read alone). The tree
 * is one top node with 100 branches and the rest of the nodes spread as their leaves, each
 * node with the same three properties. The asynchronous subjects take turns going first; the
 * first {@value #WARMUPS} runs warm up and are not measured; zc.zk's way, much slower, is
 * warmed up once and measured on {@value #SLOW_RUNS} runs.
 */
final class TreeImportExportBenchmark implements Benchmark {

	private static final int BRANCHES = 100;

	private static final int WARMUPS = 3;

	private static final int SLOW_RUNS = 3;

	@Override
	public String name() {
		return "tree-text";
	}

	@Override
	public List<Result> run(BenchmarkContext context) throws Exception {
		ZkTemplate template = new ZkTemplate(context.client());
		ZkTree zkTree = new ZkTree(template);
		PlainAsyncTree plain = new PlainAsyncTree(context.client().getZookeeperClient().getZooKeeper());
		OneCallAtATime zcZk = new OneCallAtATime(context.client().getZookeeperClient().getZooKeeper());
		String text = text(context.nodes());
		TreeNode parsed = TreeParser.parse(text, "bench.tree");
		List<String> paths = new ArrayList<>();
		List<byte[]> data = new ArrayList<>();
		flatten(parsed, "", paths, data);
		int nodes = paths.size();
		BestTimes plainBest = new BestTimes();
		BestTimes treeBest = new BestTimes();
		BestTimes zcZkBest = new BestTimes();
		BestTimes readBest = new BestTimes();
		for (int run = 0; run < WARMUPS + context.runs(); run++) {
			boolean measured = run >= WARMUPS;
			String base = "/bench-text/" + run;
			template.ensurePath(base + "/plain");
			template.ensurePath(base + "/zktree");
			template.ensurePath(base + "/zczk");
			List<String> plainPaths = paths.stream().map((path) -> base + "/plain" + path).toList();
			String plainTop = plainPaths.get(0);
			for (int turn = 0; turn < 2; turn++) {
				if ((turn == 0) == (run % 2 == 0)) {
					plainBest.record("import", measured, () -> plain.create(plainPaths, data.get(0)));
					plainBest.record("export", measured, () -> check(plain.read(plainTop).size(), nodes));
				}
				else {
					treeBest.record("import", measured, () -> check(zkTree
						.importTree(text, "bench.tree", ImportOptions.defaults().withBasePath(base + "/zktree"))
						.added()
						.size(), nodes));
					treeBest.record("export", measured, () -> zkTree.export(base + "/zktree/shop"));
					readBest.record("export", measured,
							() -> check(template.readTree(base + "/zktree/shop", false).size(), nodes));
				}
			}
			if (run >= WARMUPS - 1 && run < WARMUPS + SLOW_RUNS) {
				zcZkBest.record("import", measured, () -> check(zcZk.importTree(parsed, base + "/zczk"), nodes));
				zcZkBest.record("export", measured, () -> check(zcZk.export(base + "/zczk/shop").size(), nodes));
			}
			if (!zkTree.export(base + "/zktree/shop").equals(text)) {
				throw new IllegalStateException("the export differs from the imported text");
			}
			template.deleteRecursive("/bench-text", DeleteOptions.defaults().withForce());
		}
		List<Result> results = new ArrayList<>();
		String[][] operations = { { "import", "import a tree text (creates)" },
				{ "export", "export a tree text (reads)" } };
		for (String[] operation : operations) {
			double baseline = plainBest.millis(operation[0]);
			results.add(new Result(name(), operation[1], "ZooKeeper async", nodes, baseline, 0));
			results.add(new Result(name(), operation[1], "ZkTree", nodes, treeBest.millis(operation[0]), baseline));
			results.add(new Result(name(), operation[1], "zc.zk's way (sync)", nodes, zcZkBest.millis(operation[0]),
					baseline));
		}
		results.add(new Result(name(), operations[1][1], "its read alone (ZkTemplate.readTree)", nodes,
				readBest.millis("export"), plainBest.millis("export")));
		return results;
	}

	/** The text of a top node {@code /shop} with {@value #BRANCHES} branches: {@code size} nodes in all. */
	static String text(int size) {
		StringBuilder text = new StringBuilder("/shop : pool\n  address = '10.0.0.1:8080'\n  threads = 4\n");
		int leaves = size - 1 - BRANCHES;
		for (int b = 0; b < BRANCHES; b++) {
			text.append(String.format("  /branch-%03d : pool\n    address = '10.0.0.1:8080'\n    threads = 4\n", b));
			int count = leaves / BRANCHES + ((b < leaves % BRANCHES) ? 1 : 0);
			for (int l = 0; l < count; l++) {
				text.append(String.format("    /leaf-%04d : pool\n      address = '10.0.0.1:8080'\n      threads = 4\n", l));
			}
		}
		return text.toString();
	}

	/** Lists the nodes of a parsed tree, parents first, with the data an import writes. */
	static void flatten(TreeNode node, String path, List<String> paths, List<byte[]> data) {
		for (TreeNode child : node.children().values()) {
			String childPath = path + "/" + child.name();
			paths.add(childPath);
			data.add(NodeProperties.encode(child.properties()));
			flatten(child, childPath, paths, data);
		}
	}

	private static void check(int actual, int expected) {
		if (actual != expected) {
			throw new IllegalStateException("handled " + actual + " nodes, expected " + expected);
		}
	}

}
