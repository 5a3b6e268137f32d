package io.zkboot.benchmarks;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints results as Markdown tables, so a run can be pasted into docs/performance.md: one table for
 * the throughput rows ({@link Result}), one for the latency rows ({@link LatencyResult}), one for
 * the memory rows ({@link MemoryResult}); a table without rows is not printed.
 */
final class ResultTable {

	private ResultTable() {
	}

	static void print(List<? extends Row> rows, PrintStream out) {
		List<Result> results = rows(rows, Result.class);
		List<LatencyResult> latencies = rows(rows, LatencyResult.class);
		List<MemoryResult> memories = rows(rows, MemoryResult.class);
		boolean first = true;
		if (!results.isEmpty()) {
			printResults(results, out);
			first = false;
		}
		if (!latencies.isEmpty()) {
			if (!first) {
				out.println();
			}
			printLatencies(latencies, out);
			first = false;
		}
		if (!memories.isEmpty()) {
			if (!first) {
				out.println();
			}
			printMemories(memories, out);
		}
	}

	private static <R extends Row> List<R> rows(List<? extends Row> rows, Class<R> type) {
		return rows.stream().filter(type::isInstance).map(type::cast).toList();
	}

	private static void printResults(List<Result> results, PrintStream out) {
		out.println("| benchmark | operation | subject | ops | best ms | ops/s | ratio |");
		out.println("| --- | --- | --- | ---: | ---: | ---: | ---: |");
		for (Result result : results) {
			out.printf("| %s | %s | %s | %d | %.1f | %.0f | %.2f |%n", result.benchmark(), result.operation(),
					result.subject(), result.operations(), result.bestMillis(), result.perSecond(), result.ratio());
		}
	}

	private static void printLatencies(List<LatencyResult> latencies, PrintStream out) {
		out.println("| benchmark | operation | subject | samples | p50 ms | p90 ms | p99 ms | max ms | timeouts "
				+ "| p50 ratio | p99 ratio |");
		out.println("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (LatencyResult latency : latencies) {
			out.printf("| %s | %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %d | %.2f | %.2f |%n", latency.benchmark(),
					latency.operation(), latency.subject(), latency.samples(), latency.p50Millis(),
					latency.p90Millis(), latency.p99Millis(), latency.maxMillis(), latency.timeouts(),
					latency.p50Ratio(), latency.p99Ratio());
		}
	}

	private static void printMemories(List<MemoryResult> memories, PrintStream out) {
		out.println("| benchmark | held by | subject | items | heap MB | bytes/item | heap / reference |");
		out.println("| --- | --- | --- | ---: | ---: | ---: | ---: |");
		for (MemoryResult memory : memories) {
			out.printf("| %s | %s | %s | %d | %.1f | %.0f | %s |%n", memory.benchmark(), memory.operation(),
					memory.subject(), memory.items(), memory.bytes() / 1e6, memory.bytesPerItem(),
					(memory.referenceBytes() == 0) ? "" : String.format("%.2f", memory.referenceRatio()));
		}
	}

}
