using System.Text.Json.Nodes;

namespace FineTune.Testing;

/// <summary>The repository's sample scenarios, as the README's curl sends them.</summary>
public static class Samples
{
    /// <summary>The bytes of <c>samples/support-triage.json</c>: three approaches (prompt, rag, fine-tune).</summary>
    public static byte[] SupportTriage() => File.ReadAllBytes(RepositoryRoot.Combine("samples", "support-triage.json"));

    /// <summary>The support-triage sample, changed by <paramref name="change"/>.</summary>
    public static byte[] SupportTriage(Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        JsonObject scenario = JsonNode.Parse(SupportTriage())!.AsObject();
        change(scenario);
        return System.Text.Encoding.UTF8.GetBytes(scenario.ToJsonString());
    }

    /// <summary>The support-triage sample followed by spaces up to exactly <paramref name="size"/> bytes: still valid JSON.</summary>
    public static byte[] Padded(int size)
    {
        byte[] sample = SupportTriage();
        byte[] body = new byte[size];
        body.AsSpan().Fill((byte)' ');
        sample.CopyTo(body, 0);
        return body;
    }
}
