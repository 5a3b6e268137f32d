package io.zkboot.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zkboot.core.DeleteOptions;
import io.zkboot.core.ZkTemplate;

/**
 * ZkTemplate's pipelined bulk operations against the plain ZooKeeper client's asynchronous API
 * doing the same calls on the same session: creating a tree (parents first), reading it whole with
 * every node's data and Stat, and deleting it (read, then children first). The tree is a root with
 * 100 branches and the rest of the nodes spread as their leaves. Each run creates fresh trees; the two
 * subjects take turns going first; the first {@value #WARMUPS} runs warm up and are not measured.
 */
final class TreeBenchmark implements Benchmark {

	private static final int BRANCHES = 100;

	private static final int WARMUPS = 3;

	private static final byte[] DATA = "{\"threads\":4,\"address\":\"10.0.0.1:8080\",\"weight\":100}"
		.getBytes(StandardCharsets.UTF_8);

	@Override
	public String name() {
		return "tree";
	}

	@Override
	public List<Result> run(BenchmarkContext context) throws Exception {
		ZkTemplate template = new ZkTemplate(context.client());
		PlainAsyncTree plain = new PlainAsyncTree(context.client().getZookeeperClient().getZooKeeper());
		template.ensurePath("/bench");
		BestTimes plainBest = new BestTimes();
		BestTimes templateBest = new BestTimes();
		int nodes = 0;
		for (int run = 0; run < WARMUPS + context.runs(); run++) {
			boolean measured = run >= WARMUPS;
			String plainRoot = "/bench/plain-" + run;
			String templateRoot = "/bench/template-" + run;
			Map<String, byte[]> tree = tree(templateRoot, context.nodes());
			List<String> plainPaths = new ArrayList<>(tree(plainRoot, context.nodes()).keySet());
			nodes = plainPaths.size();
			boolean plainFirst = run % 2 == 0;
			for (int turn = 0; turn < 2; turn++) {
				if ((turn == 0) == plainFirst) {
					plainBest.record("create", measured, () -> plain.create(plainPaths, DATA));
					plainBest.record("read", measured, () -> check(plain.read(plainRoot).size(), plainPaths.size()));
				}
				else {
					templateBest.record("create", measured, () -> template.createTree(tree));
					templateBest.record("read", measured,
							() -> check(template.readTree(templateRoot, true).size(), tree.size()));
				}
			}
			plainBest.record("delete", measured, () -> plain.delete(plain.childrenFirst(plainRoot)));
			templateBest.record("delete", measured, () -> template.deleteRecursive(templateRoot));
		}
		template.deleteRecursive("/bench", DeleteOptions.defaults().withForce());
		List<Result> results = new ArrayList<>();
		String[][] operations = { { "create", "recursive create (createTree)" },
				{ "read", "walk with data (readTree)" }, { "delete", "recursive delete (deleteRecursive)" } };
		for (String[] operation : operations) {
			double baseline = plainBest.millis(operation[0]);
			results.add(new Result(name(), operation[1], "ZooKeeper async", nodes, baseline, 0));
			results.add(new Result(name(), operation[1], "ZkTemplate", nodes, templateBest.millis(operation[0]),
					baseline));
		}
		return results;
	}

	/** A root with {@value #BRANCHES} branches and leaves under them: {@code size} nodes in all. */
	private static Map<String, byte[]> tree(String root, int size) {
		Map<String, byte[]> tree = new LinkedHashMap<>();
		tree.put(root, DATA);
		int leaves = size - 1 - BRANCHES;
		for (int b = 0; b < BRANCHES; b++) {
			String branch = String.format("%s/branch-%03d", root, b);
			tree.put(branch, DATA);
			int count = leaves / BRANCHES + ((b < leaves % BRANCHES) ? 1 : 0);
			for (int l = 0; l < count; l++) {
				tree.put(String.format("%s/leaf-%04d", branch, l), DATA);
			}
		}
		return tree;
	}

	private static void check(int actual, int expected) {
		if (actual != expected) {
			throw new IllegalStateException("read " + actual + " nodes, expected " + expected);
		}
	}

}
