package io.tributary.cli;

import picocli.CommandLine;

/** The {@code tributary} command's entry point: {@code java -jar tributary.jar serve}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with every subcommand, set up as {@link #main} runs it. */
  static CommandLine commandLine() {
    return new CommandLine(new TributaryCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setUsageHelpAutoWidth(true);
  }
}
