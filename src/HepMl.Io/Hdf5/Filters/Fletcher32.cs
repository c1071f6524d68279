namespace HepMl.Io.Hdf5.Filters;

/// <summary>
/// HDF5's Fletcher-32 checksum (filter id 3): sums of big-endian 16-bit words starting from 0 (not 0xffff), an odd
/// trailing byte taken as the high byte of a word; result <c>(sum2 &lt;&lt; 16) | sum1</c>.
/// </summary>
/// <remarks>libhdf5 <c>H5_checksum_fletcher32</c> (H5checksum.c); the filter appends the value little-endian.</remarks>
internal static class Fletcher32
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint sum1 = 0, sum2 = 0;
        int words = data.Length / 2;
        int p = 0;
        while (words > 0)
        {
            // 360 sums fit in 32 bits before folding.
            int block = Math.Min(words, 360);
            words -= block;
            for (int i = 0; i < block; i++)
            {
                sum1 += (uint)((data[p] << 8) | data[p + 1]);
                p += 2;
                sum2 += sum1;
            }

            sum1 = (sum1 & 0xffff) + (sum1 >> 16);
            sum2 = (sum2 & 0xffff) + (sum2 >> 16);
        }

        if ((data.Length & 1) != 0)
        {
            sum1 += (uint)(data[p] << 8);
            sum2 += sum1;
            sum1 = (sum1 & 0xffff) + (sum1 >> 16);
            sum2 = (sum2 & 0xffff) + (sum2 >> 16);
        }

        sum1 = (sum1 & 0xffff) + (sum1 >> 16);
        sum2 = (sum2 & 0xffff) + (sum2 >> 16);
        return (sum2 << 16) | sum1;
    }
}
