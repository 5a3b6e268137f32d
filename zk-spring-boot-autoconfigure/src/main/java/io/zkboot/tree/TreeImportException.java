package io.zkboot.tree;

/**
 * An import that cannot be made (nothing written), or that ZooKeeper refused part of. Each
 * transaction is applied whole or not at all; the ones before the refused one are applied, and
 * ones sent along with it may be.
 */
public class TreeImportException extends RuntimeException {

	/**
	 * Creates the exception.
	 *
	 * @param message which transaction failed
	 * @param cause   ZooKeeper's error
	 */
	public TreeImportException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Creates the exception for an import refused before anything was sent.
	 *
	 * @param message why the import cannot be made
	 */
	public TreeImportException(String message) {
		super(message);
	}
}
