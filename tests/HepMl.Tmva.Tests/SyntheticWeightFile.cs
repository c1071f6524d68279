using System.Text;

namespace HepMl.Tmva.Tests;

/// <summary>Builds small hand-written weight files: a MethodSetup header around a given Weights element.</summary>
internal static class SyntheticWeightFile
{
    public static string Build(
        string method,
        string weights,
        string[] variables,
        string analysisType = "Classification",
        string options = "",
        string transformations = "<Transformations NTransformations=\"0\"/>",
        string[]? targets = null,
        string[]? classes = null,
        string tmvaRelease = "4.2.1 [262657]")
    {
        var text = new StringBuilder();
        text.AppendLine("<?xml version=\"1.0\"?>");
        text.AppendLine($"<MethodSetup Method=\"{method}\">");
        text.AppendLine("  <GeneralInfo>");
        text.AppendLine($"    <Info name=\"TMVA Release\" value=\"{tmvaRelease}\"/>");
        text.AppendLine("    <Info name=\"ROOT Release\" value=\"6.24/04 [399364]\"/>");
        text.AppendLine($"    <Info name=\"AnalysisType\" value=\"{analysisType}\"/>");
        text.AppendLine("  </GeneralInfo>");
        text.AppendLine($"  <Options>{options}</Options>");
        text.AppendLine($"  <Variables NVar=\"{variables.Length}\">");
        for (int i = 0; i < variables.Length; i++)
        {
            text.AppendLine($"    <Variable VarIndex=\"{i}\" Expression=\"{variables[i]}\" Label=\"{variables[i]}\" Title=\"{variables[i]}\" Unit=\"\" Internal=\"{variables[i]}\" Type=\"F\" Min=\"0\" Max=\"1\"/>");
        }

        text.AppendLine("  </Variables>");
        text.AppendLine("  <Spectators NSpec=\"0\"/>");
        classes ??= analysisType == "Regression" ? ["Regression"] : ["Signal", "Background"];
        text.AppendLine($"  <Classes NClass=\"{classes.Length}\">");
        for (int c = 0; c < classes.Length; c++)
        {
            text.AppendLine($"    <Class Name=\"{classes[c]}\" Index=\"{c}\"/>");
        }

        text.AppendLine("  </Classes>");
        if (targets is not null)
        {
            text.AppendLine($"  <Targets NTrgt=\"{targets.Length}\">");
            for (int t = 0; t < targets.Length; t++)
            {
                text.AppendLine($"    <Target TargetIndex=\"{t}\" Expression=\"{targets[t]}\" Label=\"{targets[t]}\" Title=\"{targets[t]}\" Unit=\"\" Internal=\"{targets[t]}\" Type=\"F\" Min=\"0\" Max=\"10\"/>");
            }

            text.AppendLine("  </Targets>");
        }

        text.AppendLine(transformations);
        text.AppendLine("  <MVAPdfs/>");
        text.AppendLine(weights);
        text.AppendLine("</MethodSetup>");
        return text.ToString();
    }

    /// <summary>A node element; children are nested inside.</summary>
    public static string Node(string pos, int ivar, double cut, int cType, int nType, double purity = 0.5, double res = -99, string children = "", string fisher = "") =>
        $"<Node pos=\"{pos}\" depth=\"0\" NCoef=\"{(fisher.Length == 0 ? 0 : fisher.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length)}\" "
        + FisherAttributes(fisher)
        + $"IVar=\"{ivar}\" Cut=\"{cut:R}\" cType=\"{cType}\" res=\"{res:R}\" rms=\"0\" purity=\"{purity:R}\" nType=\"{nType}\">{children}</Node>";

    private static string FisherAttributes(string fisher)
    {
        var text = new StringBuilder();
        string[] values = fisher.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < values.Length; i++)
        {
            text.Append($"fC{i}=\"{values[i]}\" ");
        }

        return text.ToString();
    }
}
