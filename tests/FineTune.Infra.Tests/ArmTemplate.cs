using System.Text.Json;
using System.Text.RegularExpressions;

namespace FineTune.Infra.Tests;

/// <summary>A resource of a compiled template; modules appear as Microsoft.Resources/deployments.</summary>
public sealed record ArmResource(JsonElement Element, ArmTemplate Template)
{
    public string Type => Element.GetProperty("type").GetString()!;

    public string Name => Element.GetProperty("name").GetString()!;

    public string? Condition => Element.TryGetProperty("condition", out var condition) ? condition.ToString() : null;

    public bool IsExisting => Element.TryGetProperty("existing", out var existing) && existing.ValueKind == JsonValueKind.True;

    public JsonElement Properties => Element.GetProperty("properties");

    /// <summary>Its own condition and those of every module deployment that contains it.</summary>
    public IEnumerable<string> ConditionsInScope()
    {
        if (Condition is { } own)
        {
            yield return own;
        }

        for (var deployment = Template.Deployment; deployment is not null; deployment = deployment.Template.Deployment)
        {
            if (deployment.Condition is { } condition)
            {
                yield return condition;
            }
        }
    }
}

/// <summary>
/// Read access to a compiled ARM template (language version 1.0 resource arrays or 2.0 symbolic resource objects).
/// </summary>
public sealed partial class ArmTemplate
{
    public ArmTemplate(JsonElement root, ArmResource? deployment)
    {
        Root = root;
        Deployment = deployment;
        var resources = root.GetProperty("resources");
        var elements = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(property => property.Value)
            : resources.EnumerateArray();
        Resources = elements.Select(element => new ArmResource(element, this)).ToList();
        Modules = Resources
            .Where(resource => resource.Type == "Microsoft.Resources/deployments" && resource.Properties.TryGetProperty("template", out _))
            .Select(resource => new ArmTemplate(resource.Properties.GetProperty("template"), resource))
            .ToList();
    }

    public JsonElement Root { get; }

    /// <summary>The module deployment that holds this template; null for the entry template.</summary>
    public ArmResource? Deployment { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    public IReadOnlyList<ArmTemplate> Modules { get; }

    public IEnumerable<ArmTemplate> SelfAndDescendants => Modules.SelectMany(module => module.SelfAndDescendants).Prepend(this);

    /// <summary>Every declared (not existing) resource of this template and its modules.</summary>
    public IEnumerable<ArmResource> AllResources =>
        SelfAndDescendants.SelectMany(template => template.Resources).Where(resource => !resource.IsExisting);

    public IEnumerable<ArmResource> AllOfType(string type) =>
        AllResources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource Single(string type) => Assert.Single(AllOfType(type));

    public ArmTemplate Module(string deploymentName) =>
        Assert.Single(Modules, module => module.Deployment!.Name == deploymentName);

    public JsonElement Parameter(string name) => Root.GetProperty("parameters").GetProperty(name);

    /// <summary>The value this template's deployment passes to the module parameter <paramref name="name"/>.</summary>
    public JsonElement ArgumentOf(string name) =>
        Deployment!.Properties.GetProperty("parameters").GetProperty(name).GetProperty("value");

    public JsonElement Variable(string name) => Root.GetProperty("variables").GetProperty(name);

    public IEnumerable<JsonProperty> Outputs =>
        Root.TryGetProperty("outputs", out var outputs) ? outputs.EnumerateObject() : [];

    /// <summary>Inlines variables('name') references to string variables, so expressions can be compared as written.</summary>
    public string Resolve(string expression)
    {
        var resolved = expression;
        for (var depth = 0; depth < 10; depth++)
        {
            var next = VariableReference().Replace(resolved, match =>
            {
                if (!Root.TryGetProperty("variables", out var variables)
                    || !variables.TryGetProperty(match.Groups["name"].Value, out var value)
                    || value.ValueKind != JsonValueKind.String)
                {
                    return match.Value;
                }

                var text = value.GetString()!;
                return text.StartsWith('[') && text.EndsWith(']')
                    ? text[1..^1]
                    : $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
            });
            if (next == resolved)
            {
                break;
            }

            resolved = next;
        }

        return resolved;
    }

    /// <summary>Every string in the template (including nested templates) with its JSON path.</summary>
    public IEnumerable<(string Path, string Value)> AllStrings() => Strings(Root, "$");

    private static IEnumerable<(string Path, string Value)> Strings(JsonElement element, string path) =>
        element.ValueKind switch
        {
            JsonValueKind.String => [(path, element.GetString()!)],
            JsonValueKind.Object => element.EnumerateObject()
                .SelectMany(property => Strings(property.Value, $"{path}.{property.Name}")),
            JsonValueKind.Array => element.EnumerateArray()
                .SelectMany((item, index) => Strings(item, $"{path}[{index}]")),
            _ => [],
        };

    [GeneratedRegex(@"variables\('(?<name>[^']+)'\)")]
    private static partial Regex VariableReference();
}
