using HepMl.Cli;

return HepMlCommandLine.Run(args, CliEnvironment.FromSystemConsole());
