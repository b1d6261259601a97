using System.Collections;
using System.Reflection;
using SpeechCluster.Engines.Recognition;
using SpeechCluster.Gateway.Hosting;
using SpeechCluster.Grains.Hosting;

namespace SpeechCluster.Deploy.Tests;

/// <summary>
/// Which <c>SpeechCluster:...</c> settings the code reads, found by reflection rather than listed
/// here: every settings class names its section in a constant (<c>Section</c> or
/// <c>SectionName</c>), and settings read one by one have a constant ending in <c>Key</c>. A key is
/// read when it names a bindable property under its section (dictionary keys and list indexes
/// anywhere their property is a dictionary or a list).
/// </summary>
internal static class ConfigKeys
{
    private const string Prefix = "SpeechCluster:";

    private static readonly Assembly[] Assemblies =
        [typeof(GatewayOptions).Assembly, typeof(ClusterSettings).Assembly, typeof(PocketSphinxOptions).Assembly];

    private static readonly IReadOnlyList<FieldInfo> Constants = Assemblies
        .SelectMany(a => a.GetTypes())
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
        .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && ((string?)f.GetRawConstantValue())?.StartsWith(Prefix, StringComparison.Ordinal) == true)
        .ToList();

    /// <summary>Section path → the class bound to it.</summary>
    public static IReadOnlyDictionary<string, Type> Sections { get; } = Constants
        .Where(f => f.Name is "Section" or "SectionName")
        .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.DeclaringType!, StringComparer.OrdinalIgnoreCase);

    /// <summary>Settings read directly from configuration (e.g. SpeechCluster:Cluster:Mode).</summary>
    public static IReadOnlySet<string> SingleKeys { get; } = Constants
        .Where(f => f.Name.EndsWith("Key", StringComparison.Ordinal))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Converts the environment form (<c>__</c>) to the configuration form (<c>:</c>).</summary>
    public static string FromEnvironment(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>Null when the code reads <paramref name="key"/>, otherwise why not.</summary>
    public static string? WhyUnread(string key)
    {
        if (SingleKeys.Contains(key))
        {
            return null;
        }

        var section = Sections.Keys
            .Where(s => key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase))
            .MaxBy(s => s.Length);
        if (section is null)
        {
            return $"{key}: no settings class reads a section it is under";
        }

        var type = Sections[section];
        foreach (var segment in key[(section.Length + 1)..].Split(':'))
        {
            if (ElementType(type, typeof(IDictionary<,>), 1) is { } value)
            {
                type = value;
            }
            else if (ElementType(type, typeof(IList<>), 0) is { } item)
            {
                if (!int.TryParse(segment, out _))
                {
                    return $"{key}: '{segment}' is not a list index";
                }

                type = item;
            }
            else if (type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property
                     && (property.CanWrite || !IsScalar(property.PropertyType)))
            {
                type = property.PropertyType;
            }
            else
            {
                return $"{key}: {type.Name} has no settable property '{segment}'";
            }
        }

        return IsScalar(type) ? null : $"{key}: names a {type.Name}, not a single value";
    }

    private static Type? ElementType(Type type, Type generic, int argument)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return generic == typeof(IList<>) ? type.GetElementType() : null;
        }

        var match = type.IsGenericType && type.GetGenericTypeDefinition() == generic
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic);
        return match?.GetGenericArguments()[argument];
    }

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal) || type == typeof(Uri)
               || (!typeof(IEnumerable).IsAssignableFrom(type) && type.IsValueType);
    }
}
