using System.Text.Json;
using FineTune.Core;

namespace FineTune.OpenApi.Tests;

/// <summary>
/// The Power Automate webhook trigger's shape in the served Swagger 2.0 document ("When a cost alert fires"), as the
/// connector schema and working connectors have it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookTriggerTests(ApiFixture fixture)
{
    private JsonElement SubscriptionsPath => fixture.Document.GetProperty("paths").GetProperty("/subscriptions");

    private JsonElement Subscribe => SubscriptionsPath.GetProperty("post");

    private JsonElement Unsubscribe => fixture.Document.GetProperty("paths").GetProperty("/subscriptions/{id}").GetProperty("delete");

    private JsonElement BodySchema => Subscribe.GetProperty("parameters").EnumerateArray()
        .Single(parameter => parameter.GetProperty("in").GetString() == "body").GetProperty("schema");

    [Fact]
    public void Subscribe_IsASingleTrigger_WhenACostAlertFires()
    {
        Assert.Equal("single", Subscribe.GetProperty("x-ms-trigger").GetString());
        Assert.Equal("When a cost alert fires", Subscribe.GetProperty("summary").GetString());
        Assert.Equal("Subscribe", Subscribe.GetProperty("operationId").GetString());
        Assert.True(Subscribe.TryGetProperty("security", out _), "Subscribe needs the function key.");
    }

    [Fact]
    public void NotificationContent_IsOnThePathItem_NotInTheOperation_AndIsTheAlert()
    {
        // Microsoft.OpenApi writes a path item's extensions in Swagger 2.0 output too; the connector schema refuses them
        // inside an operation (additionalProperties: false).
        JsonElement content = SubscriptionsPath.GetProperty("x-ms-notification-content");

        Assert.Equal("#/definitions/Alert", content.GetProperty("schema").GetProperty("$ref").GetString());
        Assert.False(string.IsNullOrWhiteSpace(content.GetProperty("description").GetString()));
        Assert.False(Subscribe.TryGetProperty("x-ms-notification-content", out _));
    }

    [Fact]
    public void NotificationUrl_IsTheOneRequiredInternalNotificationUrlProperty()
    {
        JsonElement properties = BodySchema.GetProperty("properties");
        List<string> marked = [.. properties.EnumerateObject()
            .Where(property => property.Value.TryGetProperty("x-ms-notification-url", out JsonElement flag) && flag.GetBoolean())
            .Select(property => property.Name)];

        Assert.Equal(["notificationUrl"], marked);
        Assert.Equal("internal", properties.GetProperty("notificationUrl").GetProperty("x-ms-visibility").GetString());
        Assert.Equal(["notificationUrl"], BodySchema.GetProperty("required").EnumerateArray().Select(name => name.GetString()));
        Assert.False(BodySchema.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void SubscribeBody_OffersTheScenarioAndSeverityFilters_WarningByDefault()
    {
        JsonElement properties = BodySchema.GetProperty("properties");

        Assert.Equal(["minimumSeverity", "notificationUrl", "scenarioId"],
            properties.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        Assert.Equal("warning", properties.GetProperty("minimumSeverity").GetProperty("default").GetString());
        Assert.Equal(EnumText.All<AlertSeverity>(),
            properties.GetProperty("minimumSeverity").GetProperty("enum").EnumerateArray().Select(value => value.GetString()));
    }

    [Fact]
    public void Subscribe201_DeclaresLocationAndTheSubscription()
    {
        JsonElement created = Subscribe.GetProperty("responses").GetProperty("201");

        Assert.Equal("string", created.GetProperty("headers").GetProperty("Location").GetProperty("type").GetString());
        Assert.Equal("#/definitions/Subscription", created.GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal(["id", "minimumSeverity", "notificationUrl", "scenarioId", "secret"],
            fixture.Definition("Subscription").GetProperty("required").EnumerateArray().Select(name => name.GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unsubscribe_IsInternalAnonymousAndAnswers204()
    {
        Assert.Equal("internal", Unsubscribe.GetProperty("x-ms-visibility").GetString());
        Assert.Equal("Unsubscribe", Unsubscribe.GetProperty("operationId").GetString());
        Assert.False(Unsubscribe.TryGetProperty("security", out _), "Power Automate may call the Location without the key.");
        Assert.Equal(["204"], Unsubscribe.GetProperty("responses").EnumerateObject().Select(response => response.Name));
    }

    [Fact]
    public void AlertDefinition_HasEveryPropertyOfTheCoreRecord_WithItsEnumsAndNullableImpactRate()
    {
        JsonElement alert = fixture.Definition("Alert");
        string[] recordProperties = [.. typeof(Alert).GetProperties().Where(p => p.Name != "EqualityContract")
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]).Order(StringComparer.Ordinal)];

        Assert.Equal(recordProperties, alert.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(recordProperties, alert.GetProperty("required").EnumerateArray().Select(p => p.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(EnumText.All<AlertKind>(),
            alert.GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(value => value.GetString()));
        Assert.True(alert.GetProperty("properties").GetProperty("impactRate").GetProperty("x-nullable").GetBoolean());
        Assert.Equal("date", alert.GetProperty("properties").GetProperty("date").GetProperty("format").GetString());
    }
}
