// This sample grows into a full analysis as the library lands; for now it states what it will do.
Console.WriteLine("HepMl sample: see README.md in this folder.");
