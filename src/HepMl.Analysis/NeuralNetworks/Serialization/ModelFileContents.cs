using System.Text.Json.Nodes;

namespace HepMl.Analysis.NeuralNetworks.Serialization;

/// <summary>What a model file holds: the model kind, its metadata, the named modules (weights loaded, evaluation mode) and the format version it was written with.</summary>
public sealed record ModelFileContents(string Kind, JsonObject Metadata, IReadOnlyDictionary<string, Module> Modules, int WrittenVersion);
