package io.zkboot.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code zk} command-line tool: export, import and edit ZooKeeper trees in zc.zk's text
 * format, like zc.zk's scripts. Starts without a Spring context.
 * <p>
 * Exit status: 0 on success, 1 on an error (one line on standard error), 2 on wrong usage.
 */
@Command(name = "zk", mixinStandardHelpOptions = true, versionProvider = ZkCli.Version.class,
		description = "Export, import and edit ZooKeeper trees (zc.zk's text format).",
		subcommands = { ExportCommand.class, ImportCommand.class, SetCommand.class, CreateCommand.class,
				LnCommand.class, ValidateCommand.class,
				GetCommand.class, LsCommand.class, RmCommand.class, WatchCommand.class,
				CommandLine.HelpCommand.class })
public final class ZkCli {

	/**
	 * Exit status of an error.
	 */
	static final int ERROR = 1;

	private ZkCli() {
	}

	/**
	 * Run the tool and exit with its status.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
	}

	/**
	 * Run the tool.
	 * @param out where results go
	 * @param err where errors go
	 * @param args the command line
	 * @return the exit status
	 */
	public static int run(PrintWriter out, PrintWriter err, String... args) {
		CommandLine commandLine = new CommandLine(new ZkCli());
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
			cmd.getErr().println("zk " + cmd.getCommandName() + ": " + oneLine(ex));
			return ERROR;
		});
		return commandLine.execute(args);
	}

	private static String oneLine(Throwable ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		return message.replace('\n', ' ');
	}

	/**
	 * The version, from the jar's manifest.
	 */
	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = ZkCli.class.getPackage().getImplementationVersion();
			return new String[] { "zk " + ((version != null) ? version : "(development)") };
		}

	}

}
