namespace Ingest.Tests.Common;

/// <summary>Locates the repository and the shared folder beside it (../shared, read-only; present in CI).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string CorpusReal => Path.Combine(Shared, "corpus-real");

    public static string Icdar => Path.Combine(Shared, "benchmarks", "icdar2013");

    public static string Corpus => Path.Combine(Root, "corpus");

    public static string RealFile(string name) => Path.Combine(CorpusReal, name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ingest.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Ingest.sln not found above " + AppContext.BaseDirectory);
    }
}
