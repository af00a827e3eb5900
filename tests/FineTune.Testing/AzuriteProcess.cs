using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FineTune.Testing;

/// <summary>
/// A real Azurite Table service for tests, started from <c>tools/azurite/node_modules</c> on a free loopback port,
/// data in memory, and stopped (the whole process tree) on dispose. It also exits by itself when the test process
/// ends without disposing it, as when the test host crashes (<c>exit-with-parent.cjs</c>).
/// </summary>
public sealed class AzuriteProcess : IDisposable
{
    // Azurite's documented development account; it exists only inside the emulator.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly string ExitWithParent = Path.Combine(AppContext.BaseDirectory, "exit-with-parent.cjs");

    private readonly Process process;
    private readonly StringBuilder output;

    private AzuriteProcess(Process process, int port, StringBuilder output)
    {
        this.process = process;
        this.output = output;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    /// <summary>The table port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>A connection string to this instance's table endpoint.</summary>
    public string ConnectionString => ConnectionStringFor(Port);

    /// <summary>True until the process is stopped.</summary>
    public bool IsRunning => !process.HasExited;

    /// <summary>A connection string for an Azurite table endpoint on <paramref name="port"/> (nothing need listen there).</summary>
    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"TableEndpoint=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/{AccountName};";

    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts Azurite and waits until its table port accepts connections.</summary>
    public static async Task<AzuriteProcess> StartAsync()
    {
        string main = RepositoryRoot.Combine("tools", "azurite", "node_modules", "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({main} is missing). Run ./dev.sh test, or npm ci in tools/azurite.");
        }
        // The port is free when picked but another process could take it before Azurite binds; try a few.
        for (int attempt = 1; ; attempt++)
        {
            int port = FreePort();
            var output = new StringBuilder();
            Process process = Launch(main, port, output);
            try
            {
                await WaitUntilListeningAsync(process, port, output);
                return new AzuriteProcess(process, port, output);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                Kill(process);
            }
            catch
            {
                Kill(process);
                throw;
            }
        }
    }

    /// <summary>Stops the whole process tree and waits for it to exit.</summary>
    public void Dispose() => Kill(process);

    /// <inheritdoc />
    public override string ToString()
    {
        lock (output)
        {
            return $"Azurite on port {Port}: {output}";
        }
    }

    private static Process Launch(string main, int port, StringBuilder output)
    {
        var start = new ProcessStartInfo("node")
        {
            // Never written to: node sees its end when this process ends, and exits (exit-with-parent.cjs).
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["--require", ExitWithParent, main, "--silent", "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck",
                     "--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }
        Process process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilListeningAsync(Process process, int port, StringBuilder output)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                lock (output)
                {
                    throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}: {output}");
                }
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        lock (output)
        {
            throw new TimeoutException($"Azurite did not listen on port {port} within {StartTimeout.TotalSeconds} s: {output}");
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }
}
