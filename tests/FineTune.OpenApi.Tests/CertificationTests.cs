using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FineTune.Testing;

namespace FineTune.OpenApi.Tests;

/// <summary>The Power Platform connector certification rules, and the document's own conventions, held as tests.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class CertificationTests(ApiFixture fixture)
{
    [Fact]
    public void Document_IsSwagger2_WithHostBasePathAndHttps()
    {
        JsonElement document = fixture.Document;

        Assert.Equal("2.0", document.GetProperty("swagger").GetString());
        Assert.Equal("your-function-app.azurewebsites.net", document.GetProperty("host").GetString());
        Assert.Equal("/api", document.GetProperty("basePath").GetString());
        Assert.Equal(["https"], document.GetProperty("schemes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void Title_IsAtMost30Characters_WithoutApiOrConnector()
    {
        string title = fixture.Document.GetProperty("info").GetProperty("title").GetString()!;

        Assert.InRange(title.Length, 1, 30);
        Assert.DoesNotMatch(ForbiddenTitleWord(), title);
    }

    [Fact]
    public void Description_Has30To500Characters()
    {
        string description = fixture.Document.GetProperty("info").GetProperty("description").GetString()!;

        Assert.InRange(description.Length, 30, 500);
    }

    [Fact]
    public void Document_IsUnderOneMegabyte() =>
        Assert.InRange(Encoding.UTF8.GetByteCount(fixture.DocumentText), 1, 1024 * 1024 - 1);

    [Fact]
    public void EveryOperation_HasSummaryDescriptionAndPascalCaseOperationId()
    {
        foreach ((string path, string method, JsonElement operation) in fixture.Operations())
        {
            string where = $"{method} {path}";
            Assert.Matches(PascalCase(), operation.GetProperty("operationId").GetString());
            string summary = operation.GetProperty("summary").GetString()!;
            Assert.InRange(summary.Length, 1, 80);
            Assert.False(summary.EndsWith('.'), $"{where}: a summary is a title, without a period.");
            Assert.EndsWith(".", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.True(operation.TryGetProperty("x-ms-visibility", out _), where);
        }
    }

    [Fact]
    public void EveryOperation_HasExplicitResponses_NoDefault()
    {
        foreach ((string path, string method, JsonElement operation) in fixture.Operations())
        {
            List<string> codes = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            Assert.DoesNotContain("default", codes);
            Assert.Contains(codes, code => code.StartsWith('2'));
            foreach (JsonProperty response in operation.GetProperty("responses").EnumerateObject())
            {
                Assert.False(string.IsNullOrWhiteSpace(response.Value.GetProperty("description").GetString()), $"{method} {path} {response.Name}");
            }
        }
    }

    [Fact]
    public void EveryErrorResponse_IsAProblem()
    {
        foreach ((string path, string method, JsonElement operation) in fixture.Operations())
        {
            foreach (JsonProperty response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                Assert.Equal("#/definitions/Problem", response.Value.GetProperty("schema").GetProperty("$ref").GetString());
            }
        }
    }

    [Fact]
    public void Operations_ListTheErrorsTheirInputsCanCause()
    {
        foreach ((string path, string method, JsonElement operation) in fixture.Operations())
        {
            string where = $"{method} {path}";
            HashSet<string> codes = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
            List<JsonElement> parameters = Parameters(operation).ToList();
            bool Has(string name) => parameters.Any(p => p.GetProperty("name").GetString() == name);
            if (parameters.Any(p => p.GetProperty("in").GetString() == "body"))
            {
                Assert.True(codes.IsSupersetOf(["400", "413", "415"]), where);
            }
            if (Has("X-Workspace-Id") || parameters.Any(p => p.GetProperty("in").GetString() == "query"))
            {
                Assert.Contains("400", codes);
            }
            if (Has("If-Match"))
            {
                Assert.Contains("412", codes);
            }
            // Unsubscribe answers 204 for an id that is already gone: Power Automate deletes again on every flow edit.
            if (path.Contains("{id}", StringComparison.Ordinal) && operation.GetProperty("operationId").GetString() != "Unsubscribe")
            {
                Assert.Contains("404", codes);
            }
        }
    }

    [Fact]
    public void EveryParameter_HasSummaryVisibilityAndDescription()
    {
        foreach ((string path, string method, JsonElement operation) in fixture.Operations())
        {
            foreach (JsonElement parameter in Parameters(operation))
            {
                string where = $"{method} {path} {parameter.GetProperty("name").GetString()}";
                Assert.False(string.IsNullOrWhiteSpace(parameter.GetProperty("x-ms-summary").GetString()), where);
                Assert.Matches(VisibilityValue(), parameter.GetProperty("x-ms-visibility").GetString());
                Assert.False(string.IsNullOrWhiteSpace(parameter.GetProperty("description").GetString()), where);
            }
        }
    }

    [Fact]
    public void EveryWorkspaceOperation_TakesTheWorkspaceHeader()
    {
        foreach ((_, _, JsonElement operation) in fixture.Operations().Where(o => o.Path.StartsWith("/scenarios", StringComparison.Ordinal)))
        {
            JsonElement workspace = Parameters(operation).Single(p => p.GetProperty("name").GetString() == "X-Workspace-Id");
            Assert.Equal("header", workspace.GetProperty("in").GetString());
            Assert.Equal("^[A-Za-z0-9_-]{1,64}$", workspace.GetProperty("pattern").GetString());
        }
    }

    [Fact]
    public void EveryProperty_HasSummaryVisibilityAndDescription()
    {
        foreach (JsonProperty definition in fixture.Document.GetProperty("definitions").EnumerateObject())
        {
            Assert.True(definition.Value.TryGetProperty("x-ms-summary", out _), definition.Name);
            Assert.False(string.IsNullOrWhiteSpace(definition.Value.GetProperty("description").GetString()), definition.Name);
            if (!definition.Value.TryGetProperty("properties", out JsonElement properties))
            {
                continue;
            }
            foreach (JsonProperty property in properties.EnumerateObject().Where(p => !p.Value.TryGetProperty("$ref", out _)))
            {
                string where = $"{definition.Name}.{property.Name}";
                Assert.False(string.IsNullOrWhiteSpace(property.Value.GetProperty("x-ms-summary").GetString()), where);
                Assert.Matches(VisibilityValue(), property.Value.GetProperty("x-ms-visibility").GetString());
                Assert.False(string.IsNullOrWhiteSpace(property.Value.GetProperty("description").GetString()), where);
            }
        }
    }

    [Fact]
    public void EveryReference_NamesADefinition()
    {
        HashSet<string> definitions = fixture.Document.GetProperty("definitions").EnumerateObject()
            .Select(d => "#/definitions/" + d.Name).ToHashSet();

        List<string> references = [];
        CollectReferences(fixture.Document, references);

        Assert.NotEmpty(references);
        Assert.All(references, reference => Assert.Contains(reference, definitions));
    }

    [Fact]
    public void EveryEnum_IsKebabCase()
    {
        List<JsonElement> enums = [];
        CollectEnums(fixture.Document, enums);

        Assert.NotEmpty(enums);
        Assert.All(enums.SelectMany(e => e.EnumerateArray()), value => Assert.Matches(KebabCase(), value.GetString()));
    }

    [Fact]
    public void Numbers_CarryNoFormat_SoMoneyIsNotReadAsAFloat()
    {
        List<JsonElement> numbers = [];
        CollectNumbers(fixture.Document.GetProperty("definitions"), numbers);

        Assert.NotEmpty(numbers);
        Assert.All(numbers, number => Assert.False(number.TryGetProperty("format", out _), number.GetRawText()));
    }

    [Fact]
    public void ScenarioExample_IsTheSupportTriageSample()
    {
        JsonNode example = JsonNode.Parse(fixture.Definition("Scenario").GetProperty("example").GetRawText())!;
        JsonNode sample = JsonNode.Parse(Samples.SupportTriage())!;

        Assert.True(JsonNode.DeepEquals(sample, example), example.ToJsonString());
    }

    [Fact]
    public void Scenario_RefusesUnknownPropertiesAndRequiresItsCore()
    {
        JsonElement scenario = fixture.Definition("Scenario");

        Assert.False(scenario.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(["approaches", "name", "workload"], scenario.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Order());
    }

    private static IEnumerable<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out JsonElement parameters) ? parameters.EnumerateArray() : [];

    private static void CollectReferences(JsonElement element, List<string> references) =>
        Walk(element, (name, value) =>
        {
            if (name == "$ref")
            {
                references.Add(value.GetString()!);
            }
        });

    private static void CollectEnums(JsonElement element, List<JsonElement> enums) =>
        Walk(element, (name, value) =>
        {
            if (name == "enum")
            {
                enums.Add(value);
            }
        });

    private static void CollectNumbers(JsonElement element, List<JsonElement> numbers)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out JsonElement type)
            && type.ValueKind == JsonValueKind.String && type.GetString() == "number")
        {
            numbers.Add(element);
        }
        foreach (JsonElement child in Children(element))
        {
            CollectNumbers(child, numbers);
        }
    }

    private static void Walk(JsonElement element, Action<string, JsonElement> visit)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in element.EnumerateObject())
            {
                // An example is data, not schema.
                if (property.Name != "example")
                {
                    visit(property.Name, property.Value);
                    Walk(property.Value, visit);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                Walk(item, visit);
            }
        }
    }

    private static IEnumerable<JsonElement> Children(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Where(p => p.Name != "example").Select(p => p.Value),
        JsonValueKind.Array => element.EnumerateArray(),
        _ => [],
    };

    [GeneratedRegex(@"\b(API|Connector)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ForbiddenTitleWord();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex PascalCase();

    [GeneratedRegex("^(important|advanced|internal)$")]
    private static partial Regex VisibilityValue();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
