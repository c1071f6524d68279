using HepMl.Samples.Common;
using HepMl.Samples.JetTagging;

return JetTaggingCommand.Run(args, SampleConsole.FromSystemConsole());
