using System.Text.Json;

namespace FineTune.Infra.Tests;

/// <summary>
/// Compiles infra/main.bicep to ARM JSON and lints every .bicep file once for all tests,
/// so the tests never depend on infra/check.sh having run first.
/// </summary>
public sealed class InfraTemplateFixture : IDisposable
{
    private readonly JsonDocument document;

    public InfraTemplateFixture()
    {
        InfraDirectory = BicepCli.InfraDirectory;
        var build = Task.Run(() => BicepCli.Run(InfraDirectory, "build", "main.bicep", "--stdout"));
        var lint = Task.Run(() => BicepCli.Run(InfraDirectory, "lint", "--pattern", "**/*.bicep"));
        Build = build.GetAwaiter().GetResult();
        Lint = lint.GetAwaiter().GetResult();
        if (Build.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed:{Environment.NewLine}{Build.StandardError}");
        }

        document = JsonDocument.Parse(Build.StandardOutput);
        Main = new ArmTemplate(document.RootElement, deployment: null);
    }

    public string InfraDirectory { get; }

    public BicepRun Build { get; }

    public BicepRun Lint { get; }

    /// <summary>The compiled subscription-scope template with its modules nested as deployments.</summary>
    public ArmTemplate Main { get; }

    public void Dispose() => document.Dispose();
}

[CollectionDefinition(Name)]
public sealed class InfraCollection : ICollectionFixture<InfraTemplateFixture>
{
    public const string Name = "infra templates";
}
