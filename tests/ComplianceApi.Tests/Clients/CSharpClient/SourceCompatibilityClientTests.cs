using System.Reflection;
using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

/// <summary>
/// Code written against an earlier package keeps compiling: contract 1.2.0's optional If-Match and
/// Idempotency-Key arguments came before the optional cancellation token, so each operation that took
/// them keeps an overload of its earlier shape (codegen/Client.Class.Body.liquid).
/// </summary>
public sealed class SourceCompatibilityClientTests(TestHosts hosts)
{
    private static readonly string[] HeaderArguments = ["ifMatch", "idempotencyKey"];

    public static TheoryData<string> OperationsWithWriteHeaders()
    {
        var data = new TheoryData<string>();
        foreach (var method in ClientInterfaces().SelectMany(i => i.GetMethods()).Where(TakesWriteHeaders))
        {
            data.Add($"{method.DeclaringType!.Name}.{method.Name}");
        }

        return data;
    }

    [Theory, MemberData(nameof(OperationsWithWriteHeaders))]
    public void An_operation_taking_If_Match_or_Idempotency_Key_keeps_its_earlier_shape_with_the_token_by_position(string operation)
    {
        var (interfaceName, methodName) = (operation.Split('.')[0], operation.Split('.')[1]);
        var clientInterface = ClientInterfaces().Single(i => i.Name == interfaceName);
        var full = clientInterface.GetMethods().Single(m => m.Name == methodName && TakesWriteHeaders(m));
        var earlier = full.GetParameters().Where(p => !HeaderArguments.Contains(p.Name)).Select(p => p.ParameterType).ToArray();

        var overload = clientInterface.GetMethod(methodName, earlier);

        Assert.NotNull(overload);
        Assert.Equal(full.ReturnType, overload.ReturnType);
        var token = overload.GetParameters()[^1];
        Assert.Equal((typeof(CancellationToken), false), (token.ParameterType, token.IsOptional));
        Assert.All(overload.GetParameters(), p => Assert.False(p.IsOptional, $"{p.Name} is optional: a call could match both overloads"));
        var implementation = typeof(ComplianceApiClientBase).Assembly.GetType($"{clientInterface.Namespace}.{interfaceName[1..]}", throwOnError: true)!;
        Assert.True(implementation.GetMethod(methodName, earlier)?.IsVirtual, $"{implementation.Name}.{methodName} has no virtual overload of the earlier shape");
    }

    [Fact]
    public async Task Callers_passing_the_token_by_position_still_compile_and_write()
    {
        var admin = await AdminAsync(hosts, Transport.TestServer);
        var ct = Ct;

        // Each call below is written as against contract 1.1: the token second or third, by position.
        var issued = await admin.ApiKeys.CreateApiKeyAsync(
            new ApiKeyRequest { ClientName = Unique.Slug("positional-token-caller"), Role = ApiKeyRole.Reader, ForceCode = Lancashire }, ct);
        await admin.ApiKeys.RevokeApiKeyAsync(issued.Id, ct);
        var response = await admin.Responses.CreateForceResponseAsync((await admin.CreateRecommendation8Async()).Id, Response(), ct);
        var revision = Response();
        revision.OwnerName = "Force Records Manager";
        var revised = await admin.Responses.UpdateForceResponseAsync(response.Id, revision, ct);
        var update = await admin.Responses.RecordProgressUpdateAsync(response.Id,
            Update(new DateOnly(2015, 8, 3), ResponseStatus.InProgress, Rag.Red, "Review of the archive under way."), ct);

        Assert.NotNull((await admin.ApiKeys.GetApiKeyAsync(issued.Id, ct)).RevokedAt);
        Assert.Equal("Force Records Manager", revised.OwnerName);
        Assert.Equal([update.Id], (await admin.Responses.ListProgressUpdatesAsync(response.Id, cancellationToken: ct)).Items.Select(u => u.Id));
    }

    private static IEnumerable<Type> ClientInterfaces() =>
        typeof(ComplianceApiClientBase).Assembly.GetExportedTypes().Where(t => t.IsInterface && t.Name.EndsWith("Client", StringComparison.Ordinal));

    private static bool TakesWriteHeaders(MethodInfo method) => method.GetParameters().Any(p => HeaderArguments.Contains(p.Name));
}
