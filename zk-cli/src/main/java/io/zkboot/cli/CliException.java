package io.zkboot.cli;

/**
 * An error a command reports as one line, with exit status 1.
 */
class CliException extends RuntimeException {

	CliException(String message) {
		super(message);
	}

}
