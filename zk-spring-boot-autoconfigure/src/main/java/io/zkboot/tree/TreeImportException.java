package io.zkboot.tree;

/**
 * An import that ZooKeeper refused part of. Batches before the failing one are applied; the
 * failing batch is not (each batch is one transaction).
 */
public class TreeImportException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message which batch failed
     * @param cause   ZooKeeper's error
     */
    public TreeImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
