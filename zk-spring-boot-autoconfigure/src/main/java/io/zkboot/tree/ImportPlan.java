package io.zkboot.tree;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What importing a tree text would do: the steps in zc.zk's order, and the messages of a dry
 * run or of a real run.
 *
 * @param steps the steps in order (parents created before children, children deleted before
 *              parents)
 */
record ImportPlan(List<ImportStep> steps) {

	/**
	 * Creates a plan.
	 *
	 * @param steps the steps in order
	 */
	public ImportPlan {
		steps = List.copyOf(steps);
	}

	/**
	 * Returns the lines a dry run prints ({@code add /p}, {@code /p threads change from 3 to 4},
	 * {@code extra path not trimmed: /p}, {@code would delete /p.}, ...).
	 *
	 * @return the lines in order
	 */
	public List<String> dryRunMessages() {
		return lines(ImportStep::dryRunMessage);
	}

	/**
	 * Returns the lines a real run prints ({@code extra path not trimmed: /p},
	 * {@code Not deleting /p because it's ephemeral.}, ...).
	 *
	 * @return the lines in order
	 */
	public List<String> messages() {
		return lines(ImportStep::message);
	}

	/**
	 * Returns the steps of one kind.
	 *
	 * @param kind the step type, for example {@code ImportStep.Delete.class}
	 * @param <T>  the step type
	 * @return the matching steps in order
	 */
	public <T extends ImportStep> List<T> steps(Class<T> kind) {
		return steps.stream().filter(kind::isInstance).map(kind::cast).toList();
	}

	private List<String> lines(Function<ImportStep, Optional<String>> message) {
		return steps.stream().map(message).flatMap(Optional::stream)
				.flatMap(text -> text.lines()).toList();
	}
}
