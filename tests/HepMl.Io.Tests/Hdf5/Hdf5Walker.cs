using HepMl.Io.Hdf5;

namespace HepMl.Io.Tests.Hdf5;

/// <summary>Reads everything in a file: every object, attribute, link and value. Returns the number of values read.</summary>
internal static class Hdf5Walker
{
    public static long ReadEverything(Hdf5File file)
    {
        long values = 0;
        foreach (Hdf5Object item in file.EnumerateObjects())
        {
            foreach (Hdf5Attribute attribute in item.Attributes)
            {
                _ = attribute.ReadValue();
                values += attribute.ElementCount;
            }

            if (item is Hdf5Group group)
            {
                foreach (Hdf5Link link in group.Links.Where(l => l.Kind != Hdf5LinkKind.Hard))
                {
                    try
                    {
                        _ = group.Get(link.Name);
                    }
                    catch (ObjectNotFoundException)
                    {
                        // A dangling link is legal.
                    }
                }
            }
            else if (item is Hdf5Dataset dataset)
            {
                values += ReadValues(dataset);
            }
        }

        return values;
    }

    public static long ReadValues(Hdf5Dataset dataset)
    {
        Hdf5DataType type = dataset.DataType;
        if (type.IsNumeric || (type.Class == Hdf5TypeClass.Array && type.BaseType!.IsNumeric))
        {
            return dataset.Read<double>().LongLength;
        }

        if (type.IsString)
        {
            return dataset.ReadStrings().LongLength;
        }

        _ = dataset.ReadValue();
        return dataset.ElementCount;
    }
}
