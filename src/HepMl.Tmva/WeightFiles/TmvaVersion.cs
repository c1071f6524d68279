namespace HepMl.Tmva.WeightFiles;

/// <summary>TMVA and ROOT version codes (<c>TMVA_VERSION(a,b,c)</c> = <c>(a&lt;&lt;16)+(b&lt;&lt;8)+c</c>).</summary>
public static class TmvaVersion
{
    /// <summary>The code of version <paramref name="major"/>.<paramref name="minor"/>.<paramref name="patch"/>.</summary>
    public static int Code(int major, int minor, int patch) => (major << 16) + (minor << 8) + patch;
}
