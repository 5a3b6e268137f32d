package io.zkboot.benchmarks;

import org.apache.curator.framework.CuratorFramework;

/**
 * What a benchmark runs against: a started Curator client connected to the benchmark's server, how
 * many measured runs to make (the best is kept) and how many nodes a tree has.
 *
 * @param client the started client
 * @param runs the number of measured runs per measurement
 * @param nodes the number of nodes of a benchmark tree
 */
public record BenchmarkContext(CuratorFramework client, int runs, int nodes) {
}
