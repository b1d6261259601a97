using Microsoft.ML.OnnxRuntime;

namespace SpeechCluster.Engines.Neural;

/// <summary>Copies chosen rows (the first dimension) of a tensor, whatever its element type.</summary>
internal static class OrtRows
{
    /// <summary>
    /// A new tensor whose row i is row <paramref name="sourceRows"/>[i] of <paramref name="tensor"/>
    /// (rows may repeat or be left out); the caller disposes it. Copies bytes, so float16 caches of
    /// some exports are copied as they are.
    /// </summary>
    public static OrtValue Gather(OrtValue tensor, IReadOnlyList<int> sourceRows)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(sourceRows);
        var info = tensor.GetTensorTypeAndShape();
        var shape = info.Shape;
        var source = tensor.GetTensorMutableRawData();
        var rowBytes = shape[0] == 0 ? 0 : source.Length / (int)shape[0];
        long[] gatheredShape = [sourceRows.Count, .. shape[1..]];
        var gathered = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, info.ElementDataType, gatheredShape);
        var target = gathered.GetTensorMutableRawData();
        for (var row = 0; row < sourceRows.Count; row++)
        {
            source.Slice(sourceRows[row] * rowBytes, rowBytes).CopyTo(target.Slice(row * rowBytes, rowBytes));
        }

        return gathered;
    }
}
