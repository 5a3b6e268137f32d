package io.zkboot.tree;

import java.util.List;

/**
 * What an import did or, in a dry run, would do: the paths it added, updated, left unchanged,
 * deleted, and the extra paths it left in place, with zc.zk's messages.
 *
 * @param source     the source name of the text
 * @param basePath   where the text was imported
 * @param dryRun     whether this was a dry run (then nothing was written)
 * @param added      the nodes created, parents before children
 * @param updated    the existing nodes whose properties changed
 * @param unchanged  the existing nodes whose properties stayed the same (not rewritten)
 * @param deleted    the nodes deleted by trimming, children before parents
 * @param notTrimmed the existing nodes not in the text that were left in place: extra paths
 *                   when not trimming, and ephemeral nodes and their ancestors when trimming
 * @param messages   zc.zk's messages: a dry run's ({@code add /p}, {@code would delete /p.},
 *                   ...) or a real run's ({@code extra path not trimmed: /p}, ...)
 * @param warnings   the links imported although they lead nowhere, each as
 *                   {@code source:line:column: reason}
 */
public record ImportResult(String source, String basePath, boolean dryRun, List<String> added, List<String> updated,
		List<String> unchanged, List<String> deleted, List<String> notTrimmed, List<String> messages,
		List<String> warnings) {

	/**
	 * Creates a result with unmodifiable copies of the lists.
	 *
	 * @param source     the source name
	 * @param basePath   the import path
	 * @param dryRun     whether this was a dry run
	 * @param added      the nodes created
	 * @param updated    the nodes changed
	 * @param unchanged  the nodes left as they were
	 * @param deleted    the nodes deleted
	 * @param notTrimmed the extra nodes left in place
	 * @param messages   zc.zk's messages
	 * @param warnings   the links that lead nowhere
	 */
	public ImportResult {
		added = List.copyOf(added);
		updated = List.copyOf(updated);
		unchanged = List.copyOf(unchanged);
		deleted = List.copyOf(deleted);
		notTrimmed = List.copyOf(notTrimmed);
		messages = List.copyOf(messages);
		warnings = List.copyOf(warnings);
	}

	/**
	 * Summarizes a plan.
	 *
	 * @param source   the source name of the text
	 * @param basePath where it was imported
	 * @param plan     the plan that was applied (or, in a dry run, only computed)
	 * @param dryRun   whether this was a dry run
	 * @param warnings the links that lead nowhere
	 * @return the result, with the plan's dry-run or real-run messages
	 */
	static ImportResult of(String source, String basePath, ImportPlan plan, boolean dryRun, List<String> warnings) {
		return new ImportResult(source, basePath, dryRun, paths(plan, ImportStep.Create.class),
				paths(plan, ImportStep.Update.class), paths(plan, ImportStep.Unchanged.class),
				paths(plan, ImportStep.Delete.class),
				plan.steps().stream().filter(step -> step instanceof ImportStep.ExtraPath
						|| step instanceof ImportStep.KeepEphemeral || step instanceof ImportStep.KeepAncestor)
						.map(ImportStep::path).toList(),
				dryRun ? plan.dryRunMessages() : plan.messages(), warnings);
	}

	private static List<String> paths(ImportPlan plan, Class<? extends ImportStep> kind) {
		return plan.steps(kind).stream().map(ImportStep::path).toList();
	}

	/**
	 * Sums the result up in one line, as the startup import logs it.
	 *
	 * @return for example {@code 3 added, 1 updated, 40 unchanged, 0 deleted, 2 not trimmed}
	 */
	public String summary() {
		return added.size() + " added, " + updated.size() + " updated, " + unchanged.size() + " unchanged, "
				+ deleted.size() + " deleted, " + notTrimmed.size() + " not trimmed";
	}
}
