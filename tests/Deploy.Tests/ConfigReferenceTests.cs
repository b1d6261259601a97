using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;

namespace SpeechCluster.Deploy.Tests;

/// <summary>
/// The configuration reference (README.md's Configuration and Limits tables, docs/neural.md) names
/// every setting the code reads: a setting added without a line there fails here, with its key.
/// </summary>
public sealed partial class ConfigReferenceTests
{
    private static readonly string[] ReferenceFiles = ["README.md", "docs/neural.md"];

    [Fact]
    public void Every_setting_the_code_reads_is_in_the_configuration_reference()
    {
        var lines = ReferenceFiles.SelectMany(f => File.ReadAllLines(Repository.PathOf(f))).Select(Normalize).ToList();

        var missing = ConfigKeys.Sections
            .SelectMany(section => Keys(section.Key, section.Value, depth: 0))
            .Concat(ConfigKeys.SingleKeys)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(key => !Documented(Normalize(key), lines))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, "settings read by the code but not in " + string.Join(" or ", ReferenceFiles) + ":\n" + string.Join("\n", missing));
    }

    /// <summary>
    /// Documented when a line names the key whole, or names its parent path and the key's last part
    /// (the tables write related settings as <c>`…:Recovery:GiveUpAfter` / `RetryDelay`</c>).
    /// </summary>
    private static bool Documented(string key, IReadOnlyList<string> lines)
    {
        var cut = key.LastIndexOf(':');
        var (parent, name) = (key[..(cut + 1)], key[(cut + 1)..]);
        return lines.Any(line => line.Contains(key, StringComparison.OrdinalIgnoreCase)
            || (line.Contains(parent, StringComparison.OrdinalIgnoreCase) && Regex.IsMatch(line, $@"\b{Regex.Escape(name)}\b", RegexOptions.IgnoreCase)));
    }

    /// <summary>Placeholders (<c>&lt;tenant&gt;</c>, <c>&lt;n&gt;</c>) compare equal whatever they are called.</summary>
    private static string Normalize(string text) => Placeholder().Replace(text, "<>");

    private static IEnumerable<string> Keys(string prefix, Type type, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var key = prefix + ":" + property.Name;
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(propertyType) || IsScalarCollection(propertyType))
            {
                if (property.CanWrite || !IsScalar(propertyType))
                {
                    yield return IsScalarCollection(propertyType) ? key + ":<>" : key;
                }
            }
            else if (depth < 4 && ElementOf(propertyType) is { } element)
            {
                foreach (var nested in Keys(key + ":<>", element, depth + 1))
                {
                    yield return nested;
                }
            }
            else if (depth < 4 && propertyType.IsClass && !typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                foreach (var nested in Keys(key, propertyType, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal) || type == typeof(Uri);

    private static bool IsScalarCollection(Type type) => type != typeof(string) && ElementOf(type) is { } element && IsScalar(element);

    private static Type? ElementOf(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var dictionary = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        if (dictionary is not null)
        {
            return dictionary.GetGenericArguments()[1];
        }

        var list = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IList<>));
        return list?.GetGenericArguments()[0];
    }

    [GeneratedRegex("<[^<>`]*>")]
    private static partial Regex Placeholder();
}
