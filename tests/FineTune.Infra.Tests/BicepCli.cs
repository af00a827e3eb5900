using System.Diagnostics;
using System.Reflection;

namespace FineTune.Infra.Tests;

/// <summary>Result of one Bicep CLI run.</summary>
public sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs the Bicep CLI restored by this project's PackageDownload (or the one named by the BICEP variable).</summary>
public static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static string ExecutablePath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("BICEP");
            if (string.IsNullOrEmpty(path))
            {
                path = Metadata("BicepPath");
            }

            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Bicep CLI not found; run 'dotnet restore' on this test project or set BICEP.", path);
            }

            // NuGet extraction does not always keep the execute bit.
            if (!OperatingSystem.IsWindows())
            {
                var mode = File.GetUnixFileMode(path);
                if (!mode.HasFlag(UnixFileMode.UserExecute))
                {
                    File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
                }
            }

            return path;
        }
    }

    public static string InfraDirectory => Metadata("InfraDirectory");

    public static string RepositoryDirectory => Metadata("RepositoryDirectory");

    public static BicepRun Run(string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Bicep CLI did not start.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepRun(process.ExitCode, standardOutput.GetAwaiter().GetResult(), standardError.GetAwaiter().GetResult());
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");
}
