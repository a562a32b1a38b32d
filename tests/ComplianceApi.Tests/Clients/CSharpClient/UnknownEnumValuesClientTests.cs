using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

/// <summary>
/// The service adds enum values in minor versions (openapi/README.md). A client generated before a value
/// existed must still read the answers that carry it: the value reads as unknown, the rest as sent.
/// </summary>
public sealed class UnknownEnumValuesClientTests(TestHosts hosts)
{
    [Fact]
    public async Task A_role_added_after_the_client_was_generated_reads_as_unknown_and_the_rest_of_the_answer_as_sent()
    {
        var admin = await AdminAsync(hosts, Transport.Loopback);
        var issued = await admin.ApiKeys.CreateApiKeyAsync(
            new ApiKeyRequest { ClientName = "Lancashire records system", Role = ApiKeyRole.Editor, ForceCode = Lancashire }, cancellationToken: Ct);
        // The service's real answer, with the role renamed as a later release might name a new one.
        using var http = new HttpClient(new RewritingHandler("\"role\":\"Editor\"", "\"role\":\"Auditor\""))
        {
            BaseAddress = admin.Host.ServerAddress,
        };
        var client = new ApiKeysClient(new ComplianceApiClientOptions { ApiKey = ComplianceApiHost.AdminKey }, http);

        var key = await client.GetApiKeyAsync(issued.Id, Ct);
        var page = await client.ListApiKeysAsync(forceCode: Lancashire, limit: 200, cancellationToken: Ct);

        Assert.Equal((issued.Id, "Lancashire records system", Lancashire), (key.Id, key.ClientName, key.ForceCode));
        Assert.Equal(EnumValues.Unknown<ApiKeyRole>(), key.Role);
        Assert.False(EnumValues.IsKnown(key.Role));
        Assert.Equal(EnumValues.Unknown<ApiKeyRole>(), Assert.Single(page.Items, k => k.Id == issued.Id).Role);
    }

    [Fact]
    public void An_unknown_value_of_an_optional_property_is_unknown_and_a_missing_one_is_null()
    {
        var unknown = JsonSerializer.Deserialize<DeadlineResolution>("""{"kind":"FixedDate","dueDate":"2016-03-31","precision":"Fortnight"}""")!;
        var missing = JsonSerializer.Deserialize<DeadlineResolution>("""{"kind":"FixedDate","dueDate":"2016-03-31","precision":null}""")!;

        Assert.Equal((DeadlineKind.FixedDate, EnumValues.Unknown<DeadlinePrecision>()), (unknown.Kind, unknown.Precision));
        Assert.Equal((DeadlineKind.FixedDate, (DeadlinePrecision?)null), (missing.Kind, missing.Precision));
    }

    [Fact]
    public void Every_value_the_contract_names_is_written_and_read_as_its_contract_string()
    {
        foreach (var type in typeof(ApiKeysClient).Assembly.GetExportedTypes().Where(t => t.IsEnum))
        {
            var converter = (JsonConverter)Activator.CreateInstance(typeof(TolerantStringEnumConverter<>).MakeGenericType(type))!;
            var options = new JsonSerializerOptions { Converters = { converter } };
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var text = field.GetCustomAttribute<System.Runtime.Serialization.EnumMemberAttribute>()!.Value;
                var json = JsonSerializer.Serialize(field.GetValue(null), type, options);

                Assert.Equal($"\"{text}\"", json);
                Assert.Equal(field.GetValue(null), JsonSerializer.Deserialize(json, type, options));
            }
        }
    }

    [Fact]
    public void A_value_read_as_unknown_is_not_sent_back_to_the_service()
    {
        var request = new ApiKeyRequest { ClientName = "Lancashire records system", Role = EnumValues.Unknown<ApiKeyRole>() };

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Serialize(request));

        Assert.Contains("not a ApiKeyRole this client knows", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Rewrites the text of each answer from the real service, as a newer release would word it.</summary>
    private sealed class RewritingHandler(string from, string to) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.Contains(from, text, StringComparison.Ordinal);
            var rewritten = new StringContent(text.Replace(from, to, StringComparison.Ordinal), Encoding.UTF8, "application/json");
            response.Content = rewritten;
            return response;
        }
    }
}
