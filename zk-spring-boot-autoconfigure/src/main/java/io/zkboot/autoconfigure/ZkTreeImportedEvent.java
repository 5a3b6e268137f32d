package io.zkboot.autoconfigure;

import io.zkboot.tree.ImportResult;

import org.springframework.context.ApplicationEvent;

/**
 * Published once for every tree text imported at startup ({@code zk.tree.import.*}): which
 * resource, and what the import added, updated, left unchanged, deleted and did not trim (or,
 * in a dry run, would have).
 */
public class ZkTreeImportedEvent extends ApplicationEvent {

	private final String resource;

	private final transient ImportResult result;

	/**
	 * Creates the event.
	 * @param source the component that imported the text
	 * @param resource the resource's name, as in log messages
	 * @param result what the import did
	 */
	public ZkTreeImportedEvent(Object source, String resource, ImportResult result) {
		super(source);
		this.resource = resource;
		this.result = result;
	}

	/**
	 * Returns the imported resource.
	 * @return its name, for example {@code file:/app/classes/zk/services.tree}
	 */
	public String getResource() {
		return this.resource;
	}

	/**
	 * Returns what the import did: the paths added, updated, unchanged, deleted and not
	 * trimmed, whether it was a dry run, and zc.zk's messages.
	 * @return the result
	 */
	public ImportResult getResult() {
		return this.result;
	}

	/**
	 * Tells whether the import was a dry run (then nothing was written).
	 * @return whether it was a dry run
	 */
	public boolean isDryRun() {
		return this.result.dryRun();
	}

}
