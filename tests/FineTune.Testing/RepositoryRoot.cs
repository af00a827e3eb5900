namespace FineTune.Testing;

/// <summary>Finds files of this repository from a test's output directory, wherever the clone is.</summary>
public static class RepositoryRoot
{
    private const string Marker = "FineTuneFunctions.sln";

    /// <summary>The repository root: the first directory above the test assembly that holds the solution file.</summary>
    public static string Path { get; } = Find();

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No {Marker} above {AppContext.BaseDirectory}: run the tests from inside the repository.");
    }
}
