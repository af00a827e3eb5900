using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag.CodeGeneration.CSharp;

namespace FineTune.OpenApi.Tests;

/// <summary>A C# client generated from the served document by NSwag, compiled in memory with Roslyn and loaded.</summary>
public sealed class GeneratedClient
{
    /// <summary>The namespace of the generated types.</summary>
    public const string Namespace = "FineTune.Generated";

    /// <summary>The name of the generated client class.</summary>
    public const string ClientName = "FineTuneClient";

    private GeneratedClient(string code, Assembly assembly)
    {
        Code = code;
        Assembly = assembly;
    }

    /// <summary>The generated source.</summary>
    public string Code { get; }

    /// <summary>The compiled client.</summary>
    public Assembly Assembly { get; }

    /// <summary>A generated type by its simple name.</summary>
    public Type Type(string name) =>
        Assembly.GetType($"{Namespace}.{name}") ?? throw new InvalidOperationException($"NSwag generated no type {name}.");

    /// <summary>
    /// Generates a client from <paramref name="swaggerJson"/> with NSwag's defaults (Newtonsoft.Json), numbers as
    /// <see cref="decimal"/> (the document's numbers carry no format, as the Power Platform requires), and compiles it.
    /// </summary>
    public static async Task<GeneratedClient> CreateAsync(string swaggerJson)
    {
        NSwag.OpenApiDocument document = await NSwag.OpenApiDocument.FromJsonAsync(swaggerJson);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = ClientName,
            GenerateClientInterfaces = false,
            CSharpGeneratorSettings =
            {
                Namespace = Namespace, JsonLibrary = CSharpJsonLibrary.NewtonsoftJson, NumberType = "decimal",
                // The API applies its defaults itself; as C# initializers they would be double literals.
                GenerateDefaultValues = false,
            },
        };
        string code = new CSharpClientGenerator(document, settings).GenerateFile();

        // The running test's own references: the .NET runtime and Newtonsoft.Json, which NSwag's client needs.
        IEnumerable<MetadataReference> references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        CSharpCompilation compilation = CSharpCompilation.Create(
            Namespace,
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        EmitResult result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The generated client does not compile:\n"
                + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
        return new GeneratedClient(code, Assembly.Load(image.ToArray()));
    }
}
