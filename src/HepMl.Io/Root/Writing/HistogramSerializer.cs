namespace HepMl.Io.Root.Writing;

/// <summary>
/// Serialises TH1D/TH1F (version 3) and TH2D (version 4) over TH1 version 8 / TH2 version 5, with TAxis version 10
/// and ROOT's default drawing attributes, member by member in the order of their streamer infos.
/// </summary>
internal static class HistogramSerializer
{
    public static byte[] Serialize(RootHistogramData h)
    {
        var b = new RootBuffer(1024 + (h.Contents.Count * 16));
        bool twoD = h.YAxis is not null;
        int outer = b.BeginVersion((short)(twoD ? 4 : 3));
        int th2 = twoD ? b.BeginVersion(5) : -1;
        int th1 = b.BeginVersion(8);
        b.TNamed(h.Name, h.Title, 0x03000008);
        int line = b.BeginVersion(2);
        b.Int16(602);
        b.Int16(1);
        b.Int16(1);
        b.End(line);
        int fill = b.BeginVersion(2);
        b.Int16(0);
        b.Int16(1001);
        b.End(fill);
        int marker = b.BeginVersion(2);
        b.Int16(1);
        b.Int16(1);
        b.Single(1f);
        b.End(marker);
        b.Int32(h.Contents.Count); // fNcells
        WriteAxis(b, "xaxis", h.XAxis);
        WriteAxis(b, "yaxis", h.YAxis ?? new RootAxisData(1, 0, 1));
        WriteAxis(b, "zaxis", new RootAxisData(1, 0, 1));
        b.Int16(0); // fBarOffset
        b.Int16(1000); // fBarWidth
        b.Double(h.Entries);
        b.Double(h.SumW);
        b.Double(h.SumW2);
        b.Double(h.SumWX);
        b.Double(h.SumWX2);
        b.Double(-1111); // fMaximum
        b.Double(-1111); // fMinimum
        b.Double(0); // fNormFactor
        b.Int32(0); // fContour
        if (h.SumOfSquaredWeights is { } weights2)
        {
            b.Int32(weights2.Count);
            foreach (double w in weights2)
            {
                b.Double(w);
            }
        }
        else
        {
            b.Int32(0);
        }

        b.String(string.Empty); // fOption
        int functions = b.BeginVersion(5); // fFunctions: an empty TList, streamed in place
        b.TObject(0x03000000);
        b.String(string.Empty);
        b.Int32(0);
        b.End(functions);
        b.Int32(0); // fBufferSize
        b.Byte(0); // fBuffer (empty)
        b.Int32(0); // fBinStatErrOpt: kNormal
        b.Int32(2); // fStatOverflows: kNeutral
        b.End(th1);
        if (twoD)
        {
            b.Double(1); // fScalefactor
            b.Double(h.SumWY);
            b.Double(h.SumWY2);
            b.Double(h.SumWXY);
            b.End(th2);
        }

        b.Int32(h.Contents.Count); // TArrayD / TArrayF
        foreach (double value in h.Contents)
        {
            if (h.ClassName == "TH1F")
            {
                b.Single((float)value);
            }
            else
            {
                b.Double(value);
            }
        }

        b.End(outer);
        return b.ToArray();
    }

    private static void WriteAxis(RootBuffer b, string name, RootAxisData axis)
    {
        int start = b.BeginVersion(10);
        b.TNamed(name, axis.Title, 0x03000000);
        int attributes = b.BeginVersion(4);
        b.Int32(510); // fNdivisions
        b.Int16(1); // fAxisColor
        b.Int16(1); // fLabelColor
        b.Int16(42); // fLabelFont
        b.Single(0.005f); // fLabelOffset
        b.Single(0.035f); // fLabelSize
        b.Single(0.03f); // fTickLength
        b.Single(1f); // fTitleOffset
        b.Single(0.035f); // fTitleSize
        b.Int16(1); // fTitleColor
        b.Int16(42); // fTitleFont
        b.End(attributes);
        b.Int32(axis.Bins);
        b.Double(axis.Low);
        b.Double(axis.High);
        if (axis.Edges is { } edges)
        {
            b.Int32(edges.Count);
            foreach (double edge in edges)
            {
                b.Double(edge);
            }
        }
        else
        {
            b.Int32(0);
        }

        b.Int32(0); // fFirst
        b.Int32(0); // fLast
        b.UInt16(0); // fBits2
        b.Bool(false); // fTimeDisplay
        b.String(string.Empty); // fTimeFormat
        b.UInt32(0); // fLabels
        b.UInt32(0); // fModLabs
        b.End(start);
    }
}
