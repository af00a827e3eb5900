using FineTune.Testing.Host;
using FineTune.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FineTune.LocalHost.Tests;

public sealed class LocalSettingsTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"local.settings.{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(path);

    [Fact]
    public void AddLocalSettings_WebApplicationBuilder_ValuesSitBeneathEnvironmentAndCommandLine()
    {
        string prefix = "FT_" + Guid.NewGuid().ToString("N")[..12];
        File.WriteAllText(path, $$"""
            {
              "IsEncrypted": false,
              "Values": {
                "{{prefix}}_ENV": "file", "{{prefix}}_ARG": "file", "{{prefix}}_FILE": "file", "{{prefix}}__Nested": "file"
              }
            }
            """);
        Environment.SetEnvironmentVariable($"{prefix}_ENV", "environment");
        try
        {
            WebApplicationBuilder builder = WebApplication.CreateBuilder([$"--{prefix}_ARG=argument"]);

            builder.Configuration.AddLocalSettings(path);

            Assert.Equal("environment", builder.Configuration[$"{prefix}_ENV"]);
            Assert.Equal("argument", builder.Configuration[$"{prefix}_ARG"]);
            Assert.Equal("file", builder.Configuration[$"{prefix}_FILE"]);
            Assert.Equal("file", builder.Configuration[$"{prefix}:Nested"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable($"{prefix}_ENV", null);
        }
    }

    [Fact]
    public void AddLocalSettings_EncryptedFile_RefusesToStart()
    {
        File.WriteAllText(path, """{ "IsEncrypted": true, "Values": { "AzureWebJobsStorage": "c2VjcmV0" } }""");

        Assert.Throws<InvalidOperationException>(() => new ConfigurationBuilder().AddLocalSettings(path));
    }

    [Fact]
    public void LocalHost_ByDefault_ReadsTheFunctionAppsLocalSettings()
    {
        Dictionary<string, string?> shipped = LocalSettings.Read(RepositoryRoot.Combine("src", "FineTune.Functions", LocalSettings.FileName));
        using var factory = LocalHostFactory.WithoutStorage();
        factory.CreateClient().Dispose();

        IConfiguration configuration = factory.Services.GetRequiredService<IConfiguration>();

        Assert.Equal("dotnet-isolated", shipped["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal(shipped["FUNCTIONS_WORKER_RUNTIME"], configuration["FUNCTIONS_WORKER_RUNTIME"]);
    }

    [Fact]
    public void LocalHost_LocalSettingsSchedule_IsTheTimersSchedule()
    {
        File.WriteAllText(path, """{ "Values": { "BENCHMARK_RECOMPUTE_SCHEDULE": "0 15 3 * * *" } }""");
        using var factory = LocalHostFactory.WithoutStorage(new Dictionary<string, string?> { ["LocalHost:LocalSettings"] = path });
        factory.CreateClient().Dispose();

        TimerFunction timer = Assert.Single(factory.Services.GetRequiredService<LocalFunctionApp>().TimerFunctions, t => t.Name == "RecomputeBenchmarksOnSchedule");

        Assert.Equal("0 15 3 * * *", timer.Expression);
    }
}
