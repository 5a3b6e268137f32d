package io.zkboot.tree;

/**
 * An import that ZooKeeper refused part of. Each transaction is applied whole or not at all;
 * the ones before the refused one are applied, and ones sent along with it may be.
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
}
