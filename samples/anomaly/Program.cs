using HepMl.Samples.Anomaly;
using HepMl.Samples.Common;

return AnomalyCommand.Run(args, SampleConsole.FromSystemConsole());
