using System.Text.RegularExpressions;
using HepMl.Io.Root.Streamers;
using HepMl.Io.Root.Trees;

namespace HepMl.Io.Root.Interpretation;

/// <summary>Finding the TStreamerElement that describes a TBranchElement (uproot: <c>TBranch.streamer</c>).</summary>
internal static partial class InterpretationResolver
{
    [GeneratedRegex(@"^(.*\.)*([^\.\[\]]*)(\[.*\])*$")]
    private static partial Regex CleanName();

    [GeneratedRegex(@"^(.*\.)*([^\.\[\]]*)\.([^\.\[\]]*)(\[.*\])*$")]
    private static partial Regex CleanParentName();

    private static void FindStreamer(TreeBranch branch)
    {
        if (branch.ClassName != "TBranchElement" && branch.ClassName != "TBranchObject")
        {
            return;
        }

        StreamerInfoSet streamers = branch.Tree.File.Streamers;
        string cleanName = CleanName().Match(branch.Name).Groups[2].Value;
        string parentName = (branch.Model.GetOrNull("fParentName") as string ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        string className = branch.ElementClassName.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (parentName.Length > 0)
        {
            StreamerInfo? info = streamers.FindLatest(parentName);
            if (info is not null)
            {
                foreach ((StreamerElement element, string owner) in Walk(streamers, info, 0))
                {
                    if (element.Name == cleanName && (className.Length == 0 || owner.Length == 0 || owner == className))
                    {
                        branch.Streamer = element;
                        break;
                    }
                }

                Match parentMatch = CleanParentName().Match(branch.Name);
                if (branch.Streamer is null && parentMatch.Success)
                {
                    string cleanParent = parentMatch.Groups[2].Value;
                    foreach ((StreamerElement element, _) in Walk(streamers, info, 0))
                    {
                        if (element.Name == cleanParent)
                        {
                            StreamerInfo? sub = streamers.FindLatest(element.TypeName.TrimEnd('*'));
                            if (sub is not null)
                            {
                                foreach ((StreamerElement subElement, _) in Walk(streamers, sub, 0))
                                {
                                    if (subElement.Name == cleanName)
                                    {
                                        branch.Streamer = subElement;
                                        break;
                                    }
                                }
                            }

                            break;
                        }
                    }
                }

                TreeBranch? parent = branch.Parent;
                if (parent is not null
                    && (parent.ElementClassName == "TClonesArray"
                        || (parent.Model.GetOrNull("fClonesName") as string) == (branch.Model.GetOrNull("fParentName") as string)))
                {
                    branch.StreamerIsClonesArray = true;
                }
            }
        }
        else if (className.Length > 0)
        {
            string lookup = className;
            if (className == "TClonesArray")
            {
                branch.StreamerIsClonesArray = true;
                lookup = (branch.Model.GetOrNull("fClonesName") as string ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
            }

            if (streamers.FindLatest(lookup) is StreamerInfo info)
            {
                branch.StreamerClassName = info.ClassName;
            }
        }
    }

    private static IEnumerable<(StreamerElement Element, string Owner)> Walk(StreamerInfoSet streamers, StreamerInfo info, int depth)
    {
        foreach (StreamerElement element in info.Elements)
        {
            if (element.Kind == StreamerElementKind.Base)
            {
                StreamerInfo? baseInfo = element.BaseVersion >= 0
                    ? streamers.Find(element.Name, element.BaseVersion) ?? streamers.FindLatest(element.Name)
                    : streamers.FindLatest(element.Name);
                if (baseInfo is not null && depth < 32)
                {
                    foreach ((StreamerElement Element, string Owner) inner in Walk(streamers, baseInfo, depth + 1))
                    {
                        yield return inner;
                    }
                }
            }
            else
            {
                yield return (element, info.ClassName);
            }
        }
    }
}
