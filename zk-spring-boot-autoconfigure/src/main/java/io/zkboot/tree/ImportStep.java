package io.zkboot.tree;

import java.util.List;
import java.util.Optional;

/**
 * One step of an {@link ImportPlan}, in the order zc.zk performs and reports them. Each step
 * knows the message zc.zk prints for it in a dry run and in a real run.
 */
sealed interface ImportStep {

	/**
	 * Returns the path the step is about.
	 *
	 * @return an absolute path
	 */
	String path();

	/**
	 * Returns what a dry run reports for this step.
	 *
	 * @return the message, empty if the step is silent
	 */
	default Optional<String> dryRunMessage() {
		return Optional.empty();
	}

	/**
	 * Returns what a real run reports for this step.
	 *
	 * @return the message, empty if the step is silent
	 */
	default Optional<String> message() {
		return Optional.empty();
	}

	/**
	 * A node to create.
	 *
	 * @param path      the node path
	 * @param data      its data
	 * @param announced whether a dry run reports it ({@code add /p}); nodes below a new node
	 *                  are not reported
	 */
	record Create(String path, byte[] data, boolean announced) implements ImportStep {

		@Override
		public Optional<String> dryRunMessage() {
			return announced ? Optional.of("add " + path) : Optional.empty();
		}
	}

	/**
	 * An existing node whose properties change.
	 *
	 * @param path    the node path
	 * @param data    its new data
	 * @param changes the dry-run lines describing the changes ({@code /p threads change from 3 to 4})
	 */
	record Update(String path, byte[] data, List<String> changes) implements ImportStep {

		@Override
		public Optional<String> dryRunMessage() {
			return Optional.of(String.join("\n", changes));
		}
	}

	/**
	 * An existing node whose properties stay the same.
	 *
	 * @param path the node path
	 */
	record Unchanged(String path) implements ImportStep {
	}

	/**
	 * An existing node not in the text, left in place because trimming is not asked for.
	 *
	 * @param path the node path
	 */
	record ExtraPath(String path) implements ImportStep {

		@Override
		public Optional<String> dryRunMessage() {
			return message();
		}

		@Override
		public Optional<String> message() {
			return Optional.of("extra path not trimmed: " + path);
		}
	}

	/**
	 * A node to delete while trimming.
	 *
	 * @param path the node path
	 */
	record Delete(String path) implements ImportStep {

		@Override
		public Optional<String> dryRunMessage() {
			return Optional.of("would delete " + path + ".");
		}
	}

	/**
	 * An ephemeral node found inside a subtree being trimmed, which is kept.
	 *
	 * @param path the node path
	 */
	record KeepEphemeral(String path) implements ImportStep {

		@Override
		public Optional<String> dryRunMessage() {
			return Optional.of("wouldn't delete " + path + " because it's ephemeral.");
		}

		@Override
		public Optional<String> message() {
			return Optional.of("Not deleting " + path + " because it's ephemeral.");
		}
	}

	/**
	 * A node kept while trimming because an ephemeral node is somewhere below it.
	 *
	 * @param path the node path
	 */
	record KeepAncestor(String path) implements ImportStep {

		@Override
		public Optional<String> dryRunMessage() {
			return message();
		}

		@Override
		public Optional<String> message() {
			return Optional.of(path + " not deleted due to ephemeral descendent.");
		}
	}
}
