using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ComplianceApi.Tests.Data;

/// <summary>
/// Microsoft.Data.Sqlite 10 and EF Core's SQLite provider are compiled against SQLitePCLRaw.core 2.1.13,
/// but run here on 2.0.6 (see Data/SqlitePclRawCompatibility.cs). These tests re-check, member by member,
/// that everything they call exists in 2.0.6 with the same signature, except the one call we never make.
/// </summary>
public sealed class SqlitePclRawCompatibilityTests(TestHosts hosts)
{
    private const string Core = "SQLitePCLRaw.core";

    [Theory]
    [InlineData("Microsoft.Data.Sqlite.dll")]
    [InlineData("Microsoft.EntityFrameworkCore.Sqlite.dll")]
    public void Everything_the_SQLite_libraries_call_in_SQLitePCLRaw_exists_in_the_restored_version_but_load_extension(string consumer)
    {
        var available = MembersDefinedIn(Path.Combine(AppContext.BaseDirectory, $"{Core}.dll"));
        var referenced = MembersReferencedFromCore(Path.Combine(AppContext.BaseDirectory, consumer));

        var missing = referenced.Where(member => !available.Contains(member)).ToList();

        Assert.All(missing, member => Assert.StartsWith("SQLitePCL.raw::sqlite3_load_extension(", member, StringComparison.Ordinal));
        if (consumer == "Microsoft.Data.Sqlite.dll")
        {
            Assert.True(referenced.Count > 50, $"Only {referenced.Count} references found: the scan is not reading the assembly.");
            Assert.Single(missing);
        }
    }

    [Fact]
    public void The_restored_SQLitePCLRaw_is_older_than_the_one_the_SQLite_libraries_were_built_against()
    {
        // When this fails, SQLitePCLRaw 2.1.13 restores: delete SqlitePclRawCompatibility.cs and these tests.
        using var pe = new PEReader(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Microsoft.Data.Sqlite.dll")));
        var reader = pe.GetMetadataReader();
        var wanted = reader.AssemblyReferences.Select(reader.GetAssemblyReference).Single(a => reader.GetString(a.Name) == Core).Version;
        var restored = typeof(SQLitePCL.raw).Assembly.GetName().Version!;

        Assert.True(restored < wanted, $"SQLitePCLRaw.core {restored} is loaded and {wanted} is wanted.");
    }

    [Fact]
    public async Task The_bundled_SQLite_engine_opens_a_database_and_reports_its_version()
    {
        await hosts.For(Provider.Sqlite); // loads the service assembly, whose module initializer redirects the load
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";

        var version = (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);

        Assert.Equal("3.35.5", version);
    }

    private static HashSet<string> MembersDefinedIn(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        var names = new SignatureNames();
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            var typeName = names.GetTypeFromDefinition(reader, typeHandle, 0);
            foreach (var method in type.GetMethods().Select(reader.GetMethodDefinition))
            {
                members.Add(Describe(typeName, reader.GetString(method.Name), method.DecodeSignature(names, null)));
            }

            foreach (var field in type.GetFields().Select(reader.GetFieldDefinition))
            {
                members.Add($"{typeName}::{reader.GetString(field.Name)}:{field.DecodeSignature(names, null)}");
            }
        }

        return members;
    }

    private static List<string> MembersReferencedFromCore(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        var names = new SignatureNames();
        var members = new List<string>();
        foreach (var reference in reader.MemberReferences.Select(reader.GetMemberReference))
        {
            if (reference.Parent.Kind != HandleKind.TypeReference || !ComesFromCore(reader, (TypeReferenceHandle)reference.Parent))
            {
                continue;
            }

            var typeName = names.GetTypeFromReference(reader, (TypeReferenceHandle)reference.Parent, 0);
            var name = reader.GetString(reference.Name);
            members.Add(reference.GetKind() == MemberReferenceKind.Method
                ? Describe(typeName, name, reference.DecodeMethodSignature(names, null))
                : $"{typeName}::{name}:{reference.DecodeFieldSignature(names, null)}");
        }

        return members.Distinct().ToList();
    }

    private static bool ComesFromCore(MetadataReader reader, TypeReferenceHandle handle)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        return scope.Kind switch
        {
            HandleKind.TypeReference => ComesFromCore(reader, (TypeReferenceHandle)scope),
            HandleKind.AssemblyReference => reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) == Core,
            _ => false,
        };
    }

    private static string Describe(string type, string name, MethodSignature<string> signature) =>
        $"{type}::{name}({string.Join(",", signature.ParameterTypes)}):{signature.ReturnType}`{signature.GenericParameterCount}";

    /// <summary>Spells a signature's types by full name, whichever assembly defines them.</summary>
    private sealed class SignatureNames : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetArrayType(string elementType, ArrayShape shape) => $"{elementType}[{shape.Rank}]";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPinnedType(string elementType) => elementType;
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => $"{genericType}<{string.Join(",", typeArguments)}>";
        public string GetGenericTypeParameter(object? genericContext, int index) => $"!{index}";
        public string GetGenericMethodParameter(object? genericContext, int index) => $"!!{index}";
        public string GetFunctionPointerType(MethodSignature<string> signature) => $"fnptr({string.Join(",", signature.ParameterTypes)}):{signature.ReturnType}";
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            var type = reader.GetTypeDefinition(handle);
            var name = reader.GetString(type.Name);
            return type.GetDeclaringType() is { IsNil: false } declaring
                ? $"{GetTypeFromDefinition(reader, declaring, rawTypeKind)}/{name}"
                : $"{reader.GetString(type.Namespace)}.{name}";
        }

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var type = reader.GetTypeReference(handle);
            var name = reader.GetString(type.Name);
            return type.ResolutionScope.Kind == HandleKind.TypeReference
                ? $"{GetTypeFromReference(reader, (TypeReferenceHandle)type.ResolutionScope, rawTypeKind)}/{name}"
                : $"{reader.GetString(type.Namespace)}.{name}";
        }
    }
}
