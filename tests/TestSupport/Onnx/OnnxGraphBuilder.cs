using Google.Protobuf;
using Onnx;

namespace SpeechCluster.TestSupport.Onnx;

/// <summary>
/// Builds small ONNX models in code, for "contract models": graphs with exactly the input and
/// output names, types and shapes of a real export, and a deterministic behaviour the test knows.
/// A dimension given as a string is symbolic (<c>"batch"</c>), as an int fixed.
/// </summary>
public sealed class OnnxGraphBuilder(string name, int opset = 17)
{
    private readonly GraphProto _graph = new() { Name = name };
    private int _generated;

    public OnnxGraphBuilder Input(string inputName, TensorProto.Types.DataType type, params object[] dims)
    {
        _graph.Input.Add(ValueInfo(inputName, type, dims));
        return this;
    }

    public OnnxGraphBuilder Output(string outputName, TensorProto.Types.DataType type, params object[] dims)
    {
        _graph.Output.Add(ValueInfo(outputName, type, dims));
        return this;
    }

    /// <summary>The declared inputs, e.g. to declare them again on a graph that holds this one as a branch.</summary>
    public IReadOnlyList<ValueInfoProto> Inputs => _graph.Input;

    /// <summary>The declared outputs, in order.</summary>
    public IReadOnlyList<ValueInfoProto> Outputs => _graph.Output;

    /// <summary>Declares an input like another graph's (see <see cref="Inputs"/>).</summary>
    public OnnxGraphBuilder Input(ValueInfoProto input)
    {
        _graph.Input.Add(input.Clone());
        return this;
    }

    /// <summary>Declares an output like another graph's (see <see cref="Outputs"/>).</summary>
    public OnnxGraphBuilder Output(ValueInfoProto output)
    {
        _graph.Output.Add(output.Clone());
        return this;
    }

    /// <summary>A float initializer named <paramref name="constantName"/>.</summary>
    public string Constant(string constantName, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = constantName, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        _graph.Initializer.Add(tensor);
        return constantName;
    }

    /// <summary>An int64 initializer named <paramref name="constantName"/>.</summary>
    public string Constant(string constantName, long[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = constantName, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.AddRange(dims);
        tensor.Int64Data.AddRange(values);
        _graph.Initializer.Add(tensor);
        return constantName;
    }

    /// <summary>A one-element int64 vector, the usual shape of Gather/Slice/Unsqueeze arguments.</summary>
    public string Scalars(params long[] values) => Constant(NewName("c"), values, values.Length);

    /// <summary>
    /// Adds a node; returns its first output's name. Outputs left out get generated names.
    /// Attribute values may be long, float, string, long[], float[], <see cref="TensorProto"/> or
    /// <see cref="GraphProto"/> (a subgraph, see <see cref="AsBranch"/>).
    /// </summary>
    public string Node(string opType, string[] inputs, string[]? outputs = null, params (string Name, object Value)[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = NewName(opType) };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs ?? [NewName(opType.ToLowerInvariant())]);
        foreach (var (attributeName, value) in attributes)
        {
            node.Attribute.Add(Attribute(attributeName, value));
        }

        _graph.Node.Add(node);
        return node.Output[0];
    }

    /// <summary>
    /// This graph as a branch of an <c>If</c> node (pass it as a <c>then_branch</c>/<c>else_branch</c>
    /// attribute): its inputs are dropped, so the branch reads the outer graph's values of those names,
    /// and every name it defines gets <paramref name="prefix"/>, so that the branches clash neither
    /// with each other nor with the outer graph. Its outputs keep their order.
    /// </summary>
    public GraphProto AsBranch(string prefix)
    {
        var branch = _graph.Clone();
        branch.Name = prefix + branch.Name;
        branch.Input.Clear();
        var renamed = branch.Initializer.Select(tensor => tensor.Name)
            .Concat(branch.Node.SelectMany(node => node.Output))
            .ToDictionary(defined => defined, defined => prefix + defined);
        string Renamed(string value) => renamed.TryGetValue(value, out var newName) ? newName : value;
        foreach (var tensor in branch.Initializer)
        {
            tensor.Name = Renamed(tensor.Name);
        }

        foreach (var node in branch.Node)
        {
            node.Name = prefix + node.Name;
            for (var i = 0; i < node.Input.Count; i++)
            {
                node.Input[i] = Renamed(node.Input[i]);
            }

            for (var i = 0; i < node.Output.Count; i++)
            {
                node.Output[i] = Renamed(node.Output[i]);
            }
        }

        foreach (var output in branch.Output)
        {
            output.Name = Renamed(output.Name);
        }

        return branch;
    }

    public byte[] ToBytes()
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "SpeechCluster.TestSupport", Graph = _graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model.ToByteArray();
    }

    public void Save(string path) => File.WriteAllBytes(path, ToBytes());

    private string NewName(string prefix) => $"{prefix}_{_generated++}";

    private static ValueInfoProto ValueInfo(string valueName, TensorProto.Types.DataType type, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim switch
            {
                string symbol => new TensorShapeProto.Types.Dimension { DimParam = symbol },
                int size => new TensorShapeProto.Types.Dimension { DimValue = size },
                long size => new TensorShapeProto.Types.Dimension { DimValue = size },
                _ => throw new ArgumentException($"dimension {dim} of {valueName} is neither a name nor a size"),
            });
        }

        return new ValueInfoProto
        {
            Name = valueName,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    private static AttributeProto Attribute(string attributeName, object value)
    {
        var attribute = new AttributeProto { Name = attributeName };
        switch (value)
        {
            case long i: attribute.Type = AttributeProto.Types.AttributeType.Int; attribute.I = i; break;
            case int i: attribute.Type = AttributeProto.Types.AttributeType.Int; attribute.I = i; break;
            case float f: attribute.Type = AttributeProto.Types.AttributeType.Float; attribute.F = f; break;
            case string s: attribute.Type = AttributeProto.Types.AttributeType.String; attribute.S = ByteString.CopyFromUtf8(s); break;
            case long[] ints: attribute.Type = AttributeProto.Types.AttributeType.Ints; attribute.Ints.AddRange(ints); break;
            case float[] floats: attribute.Type = AttributeProto.Types.AttributeType.Floats; attribute.Floats.AddRange(floats); break;
            case TensorProto tensor: attribute.Type = AttributeProto.Types.AttributeType.Tensor; attribute.T = tensor; break;
            case GraphProto graph: attribute.Type = AttributeProto.Types.AttributeType.Graph; attribute.G = graph; break;
            default: throw new ArgumentException($"attribute {attributeName}: unsupported value type {value.GetType()}");
        }

        return attribute;
    }
}
