package io.zkboot.benchmarks;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints results as one Markdown table, so a run can be pasted into docs/performance.md.
 */
final class ResultTable {

	private ResultTable() {
	}

	static void print(List<Result> results, PrintStream out) {
		out.println("| benchmark | operation | subject | nodes | best ms | nodes/s | ratio |");
		out.println("| --- | --- | --- | ---: | ---: | ---: | ---: |");
		for (Result result : results) {
			out.printf("| %s | %s | %s | %d | %.1f | %.0f | %.2f |%n", result.benchmark(), result.operation(),
					result.subject(), result.operations(), result.bestMillis(), result.perSecond(), result.ratio());
		}
	}

}
