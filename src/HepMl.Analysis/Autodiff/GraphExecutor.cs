using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.Autodiff;

/// <summary>Runs the backward pass: orders the recorded graph topologically and calls each node once.</summary>
internal static class GraphExecutor
{
    private static int s_stamp;

    [ThreadStatic]
    private static List<BackwardFunction>? t_order;

    [ThreadStatic]
    private static Stack<(BackwardFunction Node, int Next)>? t_stack;

    public static void Run(Tensor root, ReadOnlySpan<float> seed)
    {
        BackwardFunction start = root.GradFunction!;
        List<BackwardFunction> order = t_order ??= new List<BackwardFunction>(128);
        Stack<(BackwardFunction Node, int Next)> stack = t_stack ??= new Stack<(BackwardFunction, int)>(128);
        order.Clear();
        stack.Clear();
        int stamp = Interlocked.Increment(ref s_stamp);

        // Iterative depth-first post-order: a node is appended after all nodes producing its inputs.
        start.VisitStamp = stamp;
        stack.Push((start, 0));
        while (stack.Count > 0)
        {
            (BackwardFunction node, int next) = stack.Pop();
            Tensor[] inputs = node.Inputs;
            bool descended = false;
            for (int i = next; i < inputs.Length; i++)
            {
                BackwardFunction? child = inputs[i].GradFunction;
                if (child is not null && child.VisitStamp != stamp)
                {
                    child.VisitStamp = stamp;
                    stack.Push((node, i + 1));
                    stack.Push((child, 0));
                    descended = true;
                    break;
                }
            }

            if (!descended)
            {
                order.Add(node);
            }
        }

        Span<float> rootGradient = root.GradientTarget(out _);
        seed.CopyTo(rootGradient);
        try
        {
            for (int i = order.Count - 1; i >= 0; i--)
            {
                BackwardFunction node = order[i];
                Tensor output = node.Output;
                Tensor? gradient = output.Grad;
                if (gradient is null)
                {
                    continue;
                }

                node.Backward(gradient.Span);
                output.ReleaseGradient();
            }
        }
        finally
        {
            // Free the graph like PyTorch does after backward: intermediate tensors become collectable.
            foreach (BackwardFunction node in order)
            {
                node.Output.MarkGraphFreed();
                node.Output.ReleaseGradient();
                node.Release();
            }

            order.Clear();
        }
    }
}
