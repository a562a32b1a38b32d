using System.Text.RegularExpressions;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Architecture;

/// <summary>
/// The service's folders are its layers, and the arrows between them run one way (src/ComplianceApi/ARCHITECTURE.md).
/// Read from the sources: a file reaches another folder's types only through a <c>using</c> of its namespace
/// or a name qualified with it, since namespaces follow folders.
/// </summary>
public sealed partial class LayerTests
{
    private static readonly string Service = Path.Combine(Repository.Root, "src", "ComplianceApi");

    /// <summary>Each folder and the folders it may use besides itself; Program.cs (the root) may use everything.</summary>
    private static readonly Dictionary<string, string[]> MayUse = new(StringComparer.Ordinal)
    {
        ["Domain"] = [],
        ["Support"] = [],
        ["Xlsx"] = [],
        ["Data"] = ["Domain", "Support"],
        ["Pipeline"] = ["Data", "Domain", "Support"],
        ["Http"] = ["Data", "Domain", "Support", "Xlsx"],
        ["Features"] = ["Data", "Domain", "Support", "Xlsx", "Pipeline", "Http"],
        ["Operations"] = ["Data", "Domain", "Support"],
    };

    [Fact]
    public void Every_folder_of_the_service_is_a_layer_with_rules()
    {
        // Folders of code: the SQLite data folder a local run leaves beside the sources holds none.
        var folders = Directory.GetDirectories(Service)
            .Where(folder => Path.GetFileName(folder) is not ("bin" or "obj") && Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Any())
            .Select(Path.GetFileName);
        Assert.All(folders, folder => Assert.True(MayUse.ContainsKey(folder!), $"{folder}/ has no rule in {nameof(LayerTests)}"));
    }

    [Fact]
    public void No_folder_uses_a_folder_above_it()
    {
        var violations = Sources()
            .Where(source => source.Layer is not null)
            .SelectMany(source => References(source.Text)
                .Where(used => used != source.Layer && !MayUse[source.Layer!].Contains(used))
                .Select(used => $"{source.Path} ({source.Layer}) uses {used}"))
            .Distinct()
            .ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Only_Program_maps_the_endpoints()
    {
        var mappers = Sources().Where(s => s.Layer != "Features").SelectMany(s => EndpointMapping().Matches(s.Text).Select(m => $"{s.Path}: {m.Value}"));
        var program = File.ReadAllText(Path.Combine(Service, "Program.cs"));

        Assert.Equal(["Program.cs: MapComplianceApi"], mappers.Select(m => m.Replace(Path.DirectorySeparatorChar, '/')));
        Assert.Contains("using ComplianceApi.Features;", program, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_finds_a_lower_folder_reaching_up()
    {
        Assert.Equal(["Http"], References("using ComplianceApi.Http;\nnamespace ComplianceApi.Data;"));
        Assert.Equal(["Features"], References("namespace ComplianceApi.Http;\nclass A { object b = new ComplianceApi.Features.Responses.X(); }"));
        Assert.Equal(["Features"], References("namespace ComplianceApi.Http;\nclass A { object b = Features.Responses.X.Y; }"));
        Assert.Empty(References("namespace ComplianceApi.Data;\n// Features.Responses is mentioned in a comment only.\nusing System.Data.Common;"));
        Assert.Empty(References("namespace ComplianceApi.Data;\nclass A { object b = new HttpContextAccessor(); object c = DataVersion.Current; }"));
    }

    private static IEnumerable<(string Path, string? Layer, string Text)> Sources() =>
        Directory.EnumerateFiles(Service, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Service, path))
            .Where(path => !path.StartsWith("bin", StringComparison.Ordinal) && !path.StartsWith("obj", StringComparison.Ordinal))
            .Select(path => (path, path.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path.Split(Path.DirectorySeparatorChar)[0] : null,
                File.ReadAllText(Path.Combine(Service, path))));

    /// <summary>The service's folders a file names, through usings or qualified names; comments left out.</summary>
    private static List<string> References(string text)
    {
        var code = string.Join('\n', text.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Where(line => !line.TrimStart().StartsWith("namespace ", StringComparison.Ordinal)));
        return [.. QualifiedName().Matches(code).Select(m => m.Groups["layer"].Value).Distinct()];
    }

    // ComplianceApi.Http..., or a name qualified from inside the service's namespace (Features.Responses.X).
    [GeneratedRegex(@"(?:\bComplianceApi\.|(?<![\w.]))(?<layer>Domain|Support|Xlsx|Data|Pipeline|Http|Features|Operations)(?:\.(?=[A-Z])|(?=;))")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"\bMapComplianceApi\b")]
    private static partial Regex EndpointMapping();
}
