package io.zkboot.benchmarks;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import io.zkboot.core.DeleteOptions;
import io.zkboot.core.ZkTemplate;
import io.zkboot.tree.ExportOptions;
import io.zkboot.tree.ImportOptions;
import io.zkboot.tree.NodeRecord;
import io.zkboot.tree.TreeExport;
import io.zkboot.tree.TreeNode;
import io.zkboot.tree.TreeParser;
import io.zkboot.tree.TreeRenderer;
import io.zkboot.tree.ZkTree;

/**
 * {@link ZkTree}'s import and export of a tree text of {@value #NODES} nodes (the text of
 * {@link TreeImportExportBenchmark}, ten times larger: a top node, 100 branches, the rest as
 * their leaves) against the plain asynchronous client's creates and reads on the same session,
 * and the heap each holds.
 *
 * <p>Times: the best of {@value #RUNS} runs after {@value #WARMUPS} warm-up run; the two subjects
 * take turns going first; ZkTree's export is timed writing to a {@link Writer} that counts what it
 * gets and to a {@code String}. Heap, after the timed runs, on one more import and export: the
 * heap in use after full collections at the export's half-way point (the writer triggers it when
 * half the text has been written; for the subjects that cannot be stopped half-way, holding their
 * result), less the heap in use before; and the most heap in use after full collections made
 * every 100 ms during the operation ({@link Heap.PeakSampler}), less the heap before. The reference is the text's
 * size (one byte per character: the text is ASCII, held as a compact {@code String}). The
 * export as it was before it streamed (the whole subtree read with {@code readTree}, its model,
 * then the text) is measured too. {@code --runs} and {@code --nodes} do not apply.
 */
final class TreeScaleBenchmark implements Benchmark {

	private static final int NODES = 100_000;

	private static final int WARMUPS = 1;

	private static final int RUNS = 3;

	private static final String ROOT = "/bench-scale";

	@Override
	public String name() {
		return "tree-scale";
	}

	@Override
	public List<Row> run(BenchmarkContext context) throws Exception {
		ZkTemplate template = new ZkTemplate(context.client());
		ZkTree zkTree = new ZkTree(template);
		PlainAsyncTree plain = new PlainAsyncTree(context.client().getZookeeperClient().getZooKeeper());
		String text = TreeImportExportBenchmark.text(NODES);
		TreeNode parsed = TreeParser.parse(text, "scale.tree");
		List<String> paths = new ArrayList<>();
		List<byte[]> data = new ArrayList<>();
		TreeImportExportBenchmark.flatten(parsed, "", paths, data);
		check(paths.size(), NODES);
		BestTimes plainBest = new BestTimes();
		BestTimes treeBest = new BestTimes();
		for (int run = 0; run < WARMUPS + RUNS; run++) {
			boolean measured = run >= WARMUPS;
			String base = ROOT + "/" + run;
			template.ensurePath(base + "/plain");
			template.ensurePath(base + "/zktree");
			List<String> plainPaths = paths.stream().map((path) -> base + "/plain" + path).toList();
			for (int turn = 0; turn < 2; turn++) {
				if ((turn == 0) == (run % 2 == 0)) {
					plainBest.record("import", measured, () -> plain.create(plainPaths, data.get(0)));
					plainBest.record("export", measured, () -> check(plain.read(plainPaths.get(0)).size(), NODES));
				}
				else {
					String top = base + "/zktree/shop";
					treeBest.record("import", measured, () -> check(zkTree
						.importTree(text, "scale.tree", ImportOptions.defaults().withBasePath(base + "/zktree"))
						.added()
						.size(), NODES));
					treeBest.record("writer", measured, () -> {
						CountingWriter out = new CountingWriter(0, null);
						zkTree.export(top, ExportOptions.defaults(), out);
						check(out.chars, text.length());
					});
					treeBest.record("string", measured, () -> check(zkTree.export(top).length(), text.length()));
					treeBest.record("before", measured, () -> check(exportAllAtOnce(template, top).length(),
							text.length()));
				}
			}
			if (!zkTree.export(base + "/zktree/shop").equals(text)) {
				throw new IllegalStateException("the export differs from the imported text");
			}
			template.deleteRecursive(ROOT, DeleteOptions.defaults().withForce());
		}
		List<Row> rows = new ArrayList<>();
		double importBaseline = plainBest.millis("import");
		rows.add(new Result(name(), "import 100,000 nodes", "ZooKeeper async (baseline)", NODES, importBaseline, 0));
		rows.add(new Result(name(), "import 100,000 nodes", "ZkTree.importTree", NODES, treeBest.millis("import"),
				importBaseline));
		double exportBaseline = plainBest.millis("export");
		String export = "export 100,000 nodes";
		rows.add(new Result(name(), export, "ZooKeeper async read into a map (baseline)", NODES, exportBaseline, 0));
		rows.add(new Result(name(), export, "ZkTree.export to a Writer (streams)", NODES, treeBest.millis("writer"),
				exportBaseline));
		rows.add(new Result(name(), export, "ZkTree.export to a String", NODES, treeBest.millis("string"),
				exportBaseline));
		rows.add(new Result(name(), export, "before streaming: readTree, model, then the text", NODES,
				treeBest.millis("before"), exportBaseline));
		rows.addAll(heap(template, zkTree, plain, text, paths, data));
		return rows;
	}

	private List<MemoryResult> heap(ZkTemplate template, ZkTree zkTree, PlainAsyncTree plain, String text,
			List<String> paths, List<byte[]> data) throws Exception {
		String base = ROOT + "/heap";
		template.ensurePath(base + "/plain");
		template.ensurePath(base + "/zktree");
		List<String> plainPaths = paths.stream().map((path) -> base + "/plain" + path).toList();
		String top = base + "/zktree/shop";
		long size = text.length();
		List<MemoryResult> rows = new ArrayList<>();
		String peak = "most live during the operation (full GC every 100 ms), less before";
		String live = "live half-way through (full GC), less before";
		String held = "live holding the result (full GC), less before";

		rows.add(peak("import: " + peak, "ZooKeeper async (paths and data prepared before)",
				() -> plain.create(plainPaths, data.get(0)), size));
		rows.add(peak("import: " + peak, "ZkTree.importTree (from the text)",
				() -> zkTree.importTree(text, "scale.tree", ImportOptions.defaults().withBasePath(base + "/zktree")),
				size));

		rows.add(held("export: " + held, "ZooKeeper async read into a map (baseline)",
				() -> plain.read(plainPaths.get(0)), size));
		long before = Heap.live();
		long[] halfWay = new long[1];
		CountingWriter counting = new CountingWriter(size / 2, () -> halfWay[0] = Heap.live());
		zkTree.export(top, ExportOptions.defaults(), counting);
		rows.add(memory("export: " + live, "ZkTree.export to a Writer (streams)", halfWay[0] - before, size));
		rows.add(held("export: " + held, "ZkTree.export to a String (the text)", () -> zkTree.export(top), size));
		rows.add(held("export: " + held, "before streaming: the records of readTree (before the text)",
				() -> template.readTree(top, false).stream().map(NodeRecord::of).toList(), size));

		rows.add(peak("export: " + peak, "ZooKeeper async read into a map (baseline)",
				() -> plain.read(plainPaths.get(0)), size));
		rows.add(peak("export: " + peak, "ZkTree.export to a Writer (streams)",
				() -> zkTree.export(top, ExportOptions.defaults(), new CountingWriter(0, null)), size));
		rows.add(peak("export: " + peak, "ZkTree.export to a String", () -> zkTree.export(top), size));
		rows.add(peak("export: " + peak, "before streaming: readTree, model, then the text",
				() -> exportAllAtOnce(template, top), size));
		template.deleteRecursive(ROOT, DeleteOptions.defaults().withForce());
		return rows;
	}

	/** The export as ZkTree made it before it streamed: the whole subtree read, its model, the text. */
	private static String exportAllAtOnce(ZkTemplate template, String top) {
		List<NodeRecord> records = template.readTree(top, false).stream().map(NodeRecord::of).toList();
		return TreeRenderer.render(TreeExport.model(records, top, false, null));
	}

	private MemoryResult peak(String operation, String subject, BestTimes.Work work, long size) throws Exception {
		long before = Heap.live();
		try (Heap.PeakSampler sampler = new Heap.PeakSampler()) {
			work.run();
			return memory(operation, subject, sampler.peak() - before, size);
		}
	}

	private MemoryResult held(String operation, String subject, Held<?> work, long size) throws Exception {
		long before = Heap.live();
		Object result = work.get();
		long after = Heap.live();
		check(result != null);
		return memory(operation, subject, after - before, size);
	}

	private MemoryResult memory(String operation, String subject, long bytes, long size) {
		return new MemoryResult(name(), operation, subject, NODES, bytes, size);
	}

	private static void check(int actual, int expected) {
		if (actual != expected) {
			throw new IllegalStateException("handled " + actual + " nodes, expected " + expected);
		}
	}

	private static void check(long actual, long expected) {
		if (actual != expected) {
			throw new IllegalStateException("wrote " + actual + " characters, expected " + expected);
		}
	}

	private static void check(boolean held) {
		if (!held) {
			throw new IllegalStateException("no result held");
		}
	}

	/** Work that returns what it read, so that it is still held when the heap is measured. */
	@FunctionalInterface
	private interface Held<T> {

		T get() throws Exception;

	}

	/**
	 * A writer that keeps nothing: it counts the characters it gets and runs an action once when
	 * their number reaches a mark.
	 */
	private static final class CountingWriter extends Writer {

		private final long mark;

		private Runnable atMark;

		private long chars;

		CountingWriter(long mark, Runnable atMark) {
			this.mark = mark;
			this.atMark = atMark;
		}

		@Override
		public void write(char[] buffer, int offset, int length) {
			count(length);
		}

		@Override
		public Writer append(CharSequence text) {
			count(text.length());
			return this;
		}

		private void count(int length) {
			this.chars += length;
			if (this.atMark != null && this.chars >= this.mark) {
				Runnable action = this.atMark;
				this.atMark = null;
				action.run();
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

}
