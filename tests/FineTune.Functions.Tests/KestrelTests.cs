using System.Net;
using System.Net.Sockets;
using System.Text;
using FineTune.Testing;

namespace FineTune.Functions.Tests;

/// <summary>What only a real socket shows: raw header bytes Kestrel would refuse by itself, and chunked bodies.</summary>
[Collection(ApiCollection.Name)]
public sealed class KestrelTests(ApiFixture fixture)
{
    public static TheoryData<byte[]> InvalidWorkspaceBytes => new()
    {
        { "caf"u8.ToArray().Concat(new byte[] { 0xC3, 0xA9 }).ToArray() },
        { new byte[] { 0xFF, 0xFE, 0x80 } },
        { Array.Empty<byte>() },
    };

    [Theory]
    [MemberData(nameof(InvalidWorkspaceBytes))]
    public async Task Header_InvalidWorkspaceBytes_Returns400ProblemJsonFromTheApp(byte[] workspace)
    {
        byte[] request =
        [
            .. "GET /api/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Workspace-Id: "u8,
            .. workspace,
            .. "\r\nConnection: close\r\n\r\n"u8,
        ];

        string response = await SendRawAsync(request);

        Assert.StartsWith("HTTP/1.1 400", response, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", response, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"X-Workspace-Id\"", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeScenario_ChunkedBodyOver256KiB_Returns413WhileStreaming()
    {
        using var http = new HttpClient { BaseAddress = fixture.KestrelAddress };
        using var content = new UnknownLengthContent(Samples.Padded(400 * 1024));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        using HttpResponseMessage response = await http.PostAsync("/api/analyses", content);
        string body = await response.Content.ReadAsStringAsync();

        Assert.True(response.RequestMessage!.Headers.TransferEncodingChunked);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":413", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeScenario_ChunkedBodyUnderLimit_Returns200()
    {
        using var http = new HttpClient { BaseAddress = fixture.KestrelAddress };
        using var content = new UnknownLengthContent(Samples.Padded(100 * 1024));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        using HttpResponseMessage response = await http.PostAsync("/api/analyses", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> SendRawAsync(byte[] request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, fixture.KestrelAddress.Port);
        NetworkStream stream = tcp.GetStream();
        await stream.WriteAsync(request);
        return await new StreamReader(stream, Encoding.Latin1).ReadToEndAsync();
    }

    /// <summary>A body sent without Content-Length (chunked), in small writes.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (int offset = 0; offset < bytes.Length; offset += 8192)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(8192, bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
