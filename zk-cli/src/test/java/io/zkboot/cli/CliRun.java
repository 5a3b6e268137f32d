package io.zkboot.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the tool in the test's JVM: its exit status and what it printed.
 *
 * @param status the exit status
 * @param out what went to standard output
 * @param err what went to standard error
 */
record CliRun(int status, String out, String err) {

	static CliRun of(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = ZkCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
		return new CliRun(status, out.toString(), err.toString());
	}

}
