package io.tributary.cli;

import io.tributary.cli.bench.BenchCommand;
import picocli.CommandLine;

/** The {@code tributary} command's entry point: {@code java -jar tributary.jar serve}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine(args).execute(args));
  }

  /** The command line with every subcommand, set up as {@link #main} runs it. */
  static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command line for {@code args}: with every subcommand, or with {@code serve} alone when
   * that is what runs.
   *
   * <p>picocli builds the model of every registered subcommand by reflection before it parses
   * anything; {@code bench}'s scenarios and their options are most of that work, and none of it
   * is needed to start a broker.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine commandLine = new CommandLine(new TributaryCommand());
    commandLine.addSubcommand(new ServeCommand());
    if (args.length == 0 || !args[0].equals("serve")) {
      commandLine.addSubcommand(new BenchCommand());
      commandLine.addSubcommand(new TrainingCommand());
    }
    // After the subcommands are added: picocli passes these settings on to those it has.
    return commandLine
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setUsageHelpAutoWidth(true);
  }
}
