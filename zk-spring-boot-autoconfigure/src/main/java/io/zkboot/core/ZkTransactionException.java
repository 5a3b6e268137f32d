package io.zkboot.core;

/**
 * Thrown when a {@link ZkTransaction} fails: nothing of it was applied. It says which operation
 * failed (its position, counted from 0, and a description such as {@code set /a version 3}) and why:
 * {@link #getCode()} is the failing operation's error code and the cause is the translated
 * exception for that operation (for example a {@link ZkBadVersionException}).
 */
public class ZkTransactionException extends ZkException {

	private static final long serialVersionUID = 1L;

	/** The position of the failed operation, counted from 0. */
	private final int failedIndex;

	/** A description of the failed operation. */
	private final String failedOperation;

	/**
	 * Creates the exception.
	 * @param failedIndex the position of the failed operation, counted from 0
	 * @param failedOperation a description of the failed operation
	 * @param cause the translated failure of that operation
	 */
	public ZkTransactionException(int failedIndex, String failedOperation, ZkException cause) {
		super("transaction failed at operation " + failedIndex + " (" + failedOperation + "): " + cause.getMessage(),
				cause.getPath(), cause.getCode(), cause);
		this.failedIndex = failedIndex;
		this.failedOperation = failedOperation;
	}

	/**
	 * Returns the position of the failed operation.
	 * @return the index, counted from 0
	 */
	public int getFailedIndex() {
		return this.failedIndex;
	}

	/**
	 * Returns a description of the failed operation.
	 * @return e.g. {@code "set /a version 3"}
	 */
	public String getFailedOperation() {
		return this.failedOperation;
	}

}
