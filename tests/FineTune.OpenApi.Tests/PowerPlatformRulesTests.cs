using System.Text.Json;

namespace FineTune.OpenApi.Tests;

/// <summary>
/// The rules the Power Platform's own schema for connector definitions (<c>apiDefinition.swagger.schema.json</c> of the
/// PowerPlatformConnectors repository) applies to every connector, held as tests of the generated document.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PowerPlatformRulesTests(ApiFixture fixture)
{
    /// <summary>The only values of <c>format</c> a connector's schema, parameter or header may have.</summary>
    public static readonly string[] AllowedFormats =
        ["int32", "int64", "float", "double", "byte", "binary", "date", "date-time", "password", "date-no-tz", "email", "html", "uri", "uuid"];

    private static readonly string[] SwaggerOperationFields =
        ["tags", "summary", "description", "externalDocs", "operationId", "produces", "consumes", "parameters", "responses", "schemes",
         "deprecated", "security"];

    private static readonly string[] OperationExtensions =
        ["x-ms-visibility", "x-ms-trigger", "x-ms-trigger-hint", "x-ms-trigger-metadata", "x-ms-notification", "x-ms-pageable",
         "x-ms-safe-operation", "x-ms-no-generic-test", "x-ms-api-annotation", "x-ms-capabilities"];

    private static readonly string[] PathItemFields = ["$ref", "get", "put", "post", "delete", "options", "head", "patch", "parameters"];

    [Fact]
    public void EveryFormat_IsOneThePlatformAllows()
    {
        List<string> formats = [];
        Walk(fixture.Document, (name, value) =>
        {
            if (name == "format" && value.ValueKind == JsonValueKind.String)
            {
                formats.Add(value.GetString()!);
            }
        });

        Assert.NotEmpty(formats);
        Assert.All(formats, format => Assert.Contains(format, AllowedFormats));
    }

    [Fact]
    public void EveryOperation_HasOnlySwaggerFieldsAndTheOperationExtensionsThePlatformKnows()
    {
        foreach ((string path, string method, JsonElement operation) in fixture.Operations())
        {
            foreach (JsonProperty field in operation.EnumerateObject())
            {
                bool allowed = SwaggerOperationFields.Contains(field.Name) || OperationExtensions.Contains(field.Name)
                    || (field.Name.StartsWith("x-", StringComparison.Ordinal) && !field.Name.StartsWith("x-ms-", StringComparison.Ordinal));
                Assert.True(allowed, $"{method} {path}: '{field.Name}' is not allowed in an operation.");
            }
        }
    }

    [Fact]
    public void EveryPathItem_HoldsOperationsAndPathExtensionsOnly()
    {
        foreach (JsonProperty path in fixture.Document.GetProperty("paths").EnumerateObject())
        {
            foreach (JsonProperty field in path.Value.EnumerateObject())
            {
                Assert.True(PathItemFields.Contains(field.Name) || field.Name.StartsWith("x-", StringComparison.Ordinal),
                    $"{path.Name}: '{field.Name}' is not allowed in a path item.");
            }
            if (path.Value.TryGetProperty("x-ms-notification-content", out JsonElement content))
            {
                Assert.True(content.TryGetProperty("schema", out _), $"{path.Name}: x-ms-notification-content needs a schema.");
            }
        }
    }

    [Fact]
    public void NotificationContent_SitsOnThePathItem_NeverInsideAnOperation()
    {
        foreach ((string path, string method, JsonElement operation) in fixture.Operations())
        {
            Assert.False(operation.TryGetProperty("x-ms-notification-content", out _), $"{method} {path}");
        }
    }

    [Fact]
    public void EveryOperation_HasAtLeastOneResponse()
    {
        foreach ((string path, string method, JsonElement operation) in fixture.Operations())
        {
            Assert.True(operation.GetProperty("responses").EnumerateObject().Any(), $"{method} {path}");
        }
    }

    [Fact]
    public void ConnectorMetadata_ItemsHaveBothNameAndValue()
    {
        if (!fixture.Document.TryGetProperty("x-ms-connector-metadata", out JsonElement metadata))
        {
            return;
        }
        Assert.All(metadata.EnumerateArray(), item =>
        {
            Assert.Equal(JsonValueKind.String, item.GetProperty("propertyName").ValueKind);
            Assert.Equal(JsonValueKind.String, item.GetProperty("propertyValue").ValueKind);
        });
    }

    [Fact]
    public void Extensions_UseTheValuesThePlatformKnows()
    {
        Walk(fixture.Document, (name, value) =>
        {
            switch (name)
            {
                case "x-ms-visibility":
                    Assert.Contains(value.GetString(), (string[])["important", "advanced", "internal"]);
                    break;
                case "x-ms-trigger":
                    Assert.Contains(value.GetString(), (string[])["single", "batch"]);
                    break;
                case "x-ms-pageable":
                    Assert.Equal(["nextLinkName"], value.EnumerateObject().Select(p => p.Name));
                    break;
                case "x-ms-notification-url":
                    Assert.Equal(JsonValueKind.True, value.ValueKind);
                    break;
            }
        });
    }

    [Fact]
    public void DynamicValues_CallAnOperationOfTheDocument_WhoseResponseHoldsTheValues()
    {
        List<JsonElement> lists = [];
        Walk(fixture.Document, (name, value) =>
        {
            if (name == "x-ms-dynamic-values")
            {
                lists.Add(value);
            }
        });

        Assert.NotEmpty(lists);
        foreach (JsonElement values in lists)
        {
            string operationId = values.GetProperty("operationId").GetString()!;
            JsonElement operation = fixture.Operations().Single(o => o.Operation.GetProperty("operationId").GetString() == operationId).Operation;
            JsonElement item = ItemOf(Definition(operation.GetProperty("responses").GetProperty("200").GetProperty("schema")),
                values.GetProperty("value-collection").GetString()!);
            Assert.Equal("string", item.GetProperty("properties").GetProperty(values.GetProperty("value-path").GetString()!).GetProperty("type").GetString());
            Assert.Equal("string", item.GetProperty("properties").GetProperty(values.GetProperty("value-title").GetString()!).GetProperty("type").GetString());
            foreach (JsonProperty parameter in values.GetProperty("parameters").EnumerateObject())
            {
                JsonElement declared = operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == parameter.Name);
                Assert.InRange(parameter.Value.GetInt32(), declared.GetProperty("minimum").GetInt32(), declared.GetProperty("maximum").GetInt32());
            }
        }
    }

    [Fact]
    public void DynamicList_BesideEachDynamicValues_SaysTheSameInTheNewerDesignersForm()
    {
        List<(JsonElement Values, JsonElement List)> pairs = [];
        Walk(fixture.Document, (name, value) =>
        {
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("x-ms-dynamic-values", out JsonElement values))
            {
                Assert.True(value.TryGetProperty("x-ms-dynamic-list", out JsonElement list), name);
                pairs.Add((values, list));
            }
        });

        Assert.NotEmpty(pairs);
        Assert.All(pairs, pair =>
        {
            Assert.Equal(pair.Values.GetProperty("operationId").GetString(), pair.List.GetProperty("operationId").GetString());
            Assert.Equal(pair.Values.GetProperty("value-collection").GetString(), pair.List.GetProperty("itemsPath").GetString());
            Assert.Equal(pair.Values.GetProperty("value-path").GetString(), pair.List.GetProperty("itemValuePath").GetString());
            Assert.Equal(pair.Values.GetProperty("value-title").GetString(), pair.List.GetProperty("itemTitlePath").GetString());
            Assert.Equal(
                pair.Values.GetProperty("parameters").EnumerateObject().Select(p => (p.Name, p.Value.GetRawText())),
                pair.List.GetProperty("parameters").EnumerateObject().Select(p => (p.Name, p.Value.GetProperty("value").GetRawText())));
        });
    }

    [Fact]
    public void PathParameters_AreRequired()
    {
        foreach ((string path, string method, JsonElement operation) in fixture.Operations())
        {
            if (!operation.TryGetProperty("parameters", out JsonElement parameters))
            {
                continue;
            }
            foreach (JsonElement parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path"))
            {
                Assert.True(parameter.GetProperty("required").GetBoolean(), $"{method} {path}: {parameter.GetProperty("name")}");
            }
        }
    }

    /// <summary>The definition a schema refers to.</summary>
    private JsonElement Definition(JsonElement schema) =>
        fixture.Definition(schema.GetProperty("$ref").GetString()!["#/definitions/".Length..]);

    /// <summary>The definition of the items of the array property <paramref name="collection"/> of <paramref name="response"/>.</summary>
    private JsonElement ItemOf(JsonElement response, string collection)
    {
        JsonElement array = response.GetProperty("properties").GetProperty(collection);
        Assert.Equal("array", array.GetProperty("type").GetString());
        return Definition(array.GetProperty("items"));
    }

    private static void Walk(JsonElement element, Action<string, JsonElement> visit)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in element.EnumerateObject().Where(p => p.Name != "example"))
            {
                visit(property.Name, property.Value);
                Walk(property.Value, visit);
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
}
