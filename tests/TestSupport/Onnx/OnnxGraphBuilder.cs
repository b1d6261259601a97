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
    /// Attribute values may be long, float, string, long[], float[] or <see cref="TensorProto"/>.
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
            default: throw new ArgumentException($"attribute {attributeName}: unsupported value type {value.GetType()}");
        }

        return attribute;
    }
}
