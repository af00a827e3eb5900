using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FineTune.Testing;

/// <summary>
/// A real Azurite for tests, started from <c>tools/azurite/node_modules</c> on free loopback ports, data in memory, and
/// stopped (the whole process trees) on dispose: its Table service, and its Queue service when a test asks for it (a
/// second process, so tests that need only tables pay for nothing more). It also exits by itself when the test process
/// ends without disposing it, as when the test host crashes (<c>exit-with-parent.cjs</c>).
/// </summary>
public sealed class AzuriteProcess : IDisposable
{
    // Azurite's documented development account; it exists only inside the emulator.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    // Where the queue endpoint points when no Queue service runs: a privileged port, which no free-port pick (always
    // an ephemeral port) can hand to another test's Azurite, so a queue listener there is refused at once and never
    // reads another test's messages. Without an explicit endpoint the SDK would derive a cloud host from the account.
    private const int NoQueuePort = 1;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly string ExitWithParent = Path.Combine(AppContext.BaseDirectory, "exit-with-parent.cjs");

    private readonly Process process;
    private readonly Process? queueProcess;
    private readonly StringBuilder output;

    private AzuriteProcess(Process process, int port, Process? queueProcess, int? queuePort, StringBuilder output)
    {
        this.process = process;
        this.queueProcess = queueProcess;
        this.output = output;
        Port = port;
        QueuePort = queuePort;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    /// <summary>The table port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The queue port on 127.0.0.1; <c>null</c> when the Queue service was not asked for.</summary>
    public int? QueuePort { get; }

    /// <summary>A connection string to this instance's table endpoint (and queue endpoint, when it runs).</summary>
    public string ConnectionString => ConnectionStringFor(Port, QueuePort);

    /// <summary>True until the process is stopped.</summary>
    public bool IsRunning => !process.HasExited && queueProcess?.HasExited != true;

    /// <summary>
    /// A connection string for an Azurite table endpoint on <paramref name="port"/> (nothing need listen there) and a
    /// queue endpoint on <paramref name="queuePort"/>, or on a port that refuses every connection when it is <c>null</c>.
    /// </summary>
    public static string ConnectionStringFor(int port, int? queuePort = null) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"TableEndpoint=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/{AccountName};"
        + $"QueueEndpoint=http://127.0.0.1:{(queuePort ?? NoQueuePort).ToString(CultureInfo.InvariantCulture)}/{AccountName};";

    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts Azurite's Table service (and its Queue service when <paramref name="queues"/>) and waits until each accepts connections.</summary>
    public static async Task<AzuriteProcess> StartAsync(bool queues = false)
    {
        var output = new StringBuilder();
        Task<(Process Process, int Port)> tables = StartServiceAsync("table", output);
        Task<(Process Process, int Port)>? queueService = queues ? StartServiceAsync("queue", output) : null;
        try
        {
            (Process tableProcess, int tablePort) = await tables;
            (Process Process, int Port)? queue = queueService is null ? null : await queueService;
            return new AzuriteProcess(tableProcess, tablePort, queue?.Process, queue?.Port, output);
        }
        catch
        {
            foreach (Task<(Process Process, int Port)>? started in (Task<(Process, int)>?[])[tables, queueService])
            {
                if (started is { IsCompletedSuccessfully: true })
                {
                    Kill(started.Result.Process);
                }
            }
            throw;
        }
    }

    private static async Task<(Process Process, int Port)> StartServiceAsync(string service, StringBuilder output)
    {
        string main = RepositoryRoot.Combine("tools", "azurite", "node_modules", "azurite", "dist", "src", service, "main.js");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({main} is missing). Run ./dev.sh test, or npm ci in tools/azurite.");
        }
        // The port is free when picked but another process could take it before Azurite binds; try a few.
        for (int attempt = 1; ; attempt++)
        {
            int port = FreePort();
            Process process = Launch(main, service, port, output);
            try
            {
                await WaitUntilListeningAsync(process, port, output);
                return (process, port);
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
    public void Dispose()
    {
        Kill(process);
        if (queueProcess is not null)
        {
            Kill(queueProcess);
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        lock (output)
        {
            return $"Azurite on port {Port}{(QueuePort is { } queue ? $" (queues on {queue})" : "")}: {output}";
        }
    }

    private static Process Launch(string main, string service, int port, StringBuilder output)
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
                     $"--{service}Host", "127.0.0.1", $"--{service}Port", port.ToString(CultureInfo.InvariantCulture)])
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
