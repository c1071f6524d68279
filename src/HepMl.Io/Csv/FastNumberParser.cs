namespace HepMl.Io.Csv;

/// <summary>
/// Fast paths for the numbers event tables hold: decimal integers, and decimals with at most 19 significant digits
/// whose value is exactly computable (Clinger's fast path: mantissa ≤ 2^53 and |power of ten| ≤ 22 for doubles,
/// mantissa ≤ 2^24 and |power| ≤ 10 for floats), so the result is the correctly rounded value. Anything else
/// (long mantissas, large exponents, nan/inf, odd syntax) reports "not handled" and goes to the BCL parser.
/// </summary>
internal static class FastNumberParser
{
    private static readonly double[] s_powersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    private static readonly float[] s_singlePowersOfTen = [1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f];

    /// <summary>
    /// Scans a decimal number starting at <paramref name="position"/>; returns the index just after it, or -1 when the
    /// text is not a plain decimal number. <paramref name="exact"/> is false when digits beyond 19 were dropped.
    /// </summary>
    private static int Scan(ReadOnlySpan<byte> text, int position, out bool negative, out ulong mantissa, out int exponent, out bool exact, out bool isInteger)
    {
        int i = position;
        negative = false;
        mantissa = 0;
        exponent = 0;
        exact = true;
        isInteger = true;
        if (i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }

        int digitsStart = i;
        while (i < text.Length && (uint)(text[i] - '0') <= 9)
        {
            if (mantissa < 1_000_000_000_000_000_000UL)
            {
                mantissa = (mantissa * 10) + (uint)(text[i] - '0');
            }
            else
            {
                exponent++;
                exact &= text[i] == (byte)'0';
            }

            i++;
        }

        int integerDigits = i - digitsStart;
        int fractionDigits = 0;
        if (i < text.Length && text[i] == (byte)'.')
        {
            isInteger = false;
            i++;
            int fractionStart = i;
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                if (mantissa < 1_000_000_000_000_000_000UL)
                {
                    mantissa = (mantissa * 10) + (uint)(text[i] - '0');
                    exponent--;
                }
                else
                {
                    exact &= text[i] == (byte)'0';
                }

                i++;
            }

            fractionDigits = i - fractionStart;
        }

        if (integerDigits + fractionDigits == 0)
        {
            return -1;
        }

        if (i < text.Length && (text[i] | 0x20) == (byte)'e')
        {
            isInteger = false;
            i++;
            bool negativeExponent = false;
            if (i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
            {
                negativeExponent = text[i] == (byte)'-';
                i++;
            }

            int start = i;
            int value = 0;
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                if (value < 100_000)
                {
                    value = (value * 10) + (text[i] - '0');
                }

                i++;
            }

            if (i == start)
            {
                return -1;
            }

            exponent += negativeExponent ? -value : value;
        }

        return i;
    }

    /// <summary>A double at <paramref name="position"/>; returns the end index, or -1 when the fast path does not apply.</summary>
    public static int TryParseDouble(ReadOnlySpan<byte> text, int position, out double value)
    {
        value = 0;
        int end = Scan(text, position, out bool negative, out ulong mantissa, out int exponent, out bool exact, out _);
        if (end < 0 || !exact)
        {
            return -1;
        }

        if (mantissa == 0)
        {
            value = negative ? -0.0 : 0.0;
            return end;
        }

        if (mantissa > (1UL << 53) || exponent < -22 || exponent > 22)
        {
            return -1;
        }

        value = exponent >= 0 ? mantissa * s_powersOfTen[exponent] : mantissa / s_powersOfTen[-exponent];
        if (negative)
        {
            value = -value;
        }

        return end;
    }

    /// <summary>A float at <paramref name="position"/>; returns the end index, or -1 when the fast path does not apply.</summary>
    public static int TryParseSingle(ReadOnlySpan<byte> text, int position, out float value)
    {
        value = 0;
        int end = Scan(text, position, out bool negative, out ulong mantissa, out int exponent, out bool exact, out _);
        if (end < 0 || !exact)
        {
            return -1;
        }

        if (mantissa == 0)
        {
            value = negative ? -0f : 0f;
            return end;
        }

        if (mantissa > (1UL << 24) || exponent < -10 || exponent > 10)
        {
            return -1;
        }

        value = exponent >= 0 ? mantissa * s_singlePowersOfTen[exponent] : mantissa / s_singlePowersOfTen[-exponent];
        if (negative)
        {
            value = -value;
        }

        return end;
    }

    /// <summary>A decimal integer at <paramref name="position"/>; returns the end index, or -1 (not an integer, or overflow).</summary>
    public static int TryParseInt64(ReadOnlySpan<byte> text, int position, out long value)
    {
        value = 0;
        int i = position;
        bool negative = false;
        if (i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }

        int start = i;
        ulong magnitude = 0;
        while (i < text.Length && (uint)(text[i] - '0') <= 9)
        {
            if (magnitude > (ulong.MaxValue - 9) / 10)
            {
                return -1;
            }

            magnitude = (magnitude * 10) + (uint)(text[i] - '0');
            i++;
        }

        if (i == start || magnitude > (negative ? (ulong)long.MaxValue + 1 : long.MaxValue))
        {
            return -1;
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return i;
    }
}
