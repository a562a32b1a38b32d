using System.Reflection;
using ComplianceApi.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ComplianceApi.Http.Contract;

public static class OpenApi
{
    public const string DocumentName = "v1";
    private const string SecuritySchemeName = "ApiKey";
    private const string BearerSchemeName = "Bearer";

    /// <summary>
    /// The contract's version is the service's (Version in Directory.Build.props), which the generated
    /// clients' packages also carry; its major part changes only with a breaking contract change.
    /// </summary>
    public static string ServiceVersion { get; } =
        typeof(OpenApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    public static IServiceCollection AddComplianceOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "ComplianceApi",
                Version = ServiceVersion,
                Description = "Records and queries how UK police forces comply with inspection findings: inspections, "
                    + "findings and their deadlines, each force's response and its history, action plans, evidence and gradings.",
            });
            options.AddSecurityDefinition(SecuritySchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "The API key issued to your application. Keys are scoped to one force or national.",
            });
            options.AddSecurityDefinition(BearerSchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Instead of an API key: an OAuth 2.0 access token from your force's Entra ID tenant (client credentials), "
                    + "for this service's audience, with one of the application roles Compliance.Reader, Compliance.Editor or Compliance.Admin. "
                    + "The tenant gives the force scope. Tokens are validated as RFC8725 (JSON Web Token Best Current Practices) advises: "
                    + "RS256 only (never none), signed by a key the tenant publishes, for the tenant's issuer and this service's audience, "
                    + "within their lifetime give or take two minutes.",
            });
            // First: the rate-limit filter adds its headers to every answer, including the problems this one declares.
            options.OperationFilter<WriteHeadersOperationFilter>();
            options.OperationFilter<AddedParametersOperationFilter>();
            options.OperationFilter<AccessAndRateLimitFilter>();
            options.SchemaFilter<ContractBoundsSchemaFilter>();
            options.OperationFilter<ListLimitOperationFilter>();
            options.OperationFilter<DocumentResponsesOperationFilter>();
            options.OperationFilter<StreamedUploadOperationFilter>();
            options.OperationFilter<UploadLimitOperationFilter>();
            options.CustomSchemaIds(SchemaId);
            options.DescribeAllParametersInCamelCase();
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.IncludeXmlComments(typeof(OpenApi).Assembly);
        });
        return services;
    }

    /// <summary>
    /// Schema names become class names in the generated clients: "InspectionView" reads as
    /// "Inspection", and a page of them as "InspectionPage".
    /// </summary>
    private static string SchemaId(Type type)
    {
        static string Plain(Type t) => t.Name.EndsWith("View", StringComparison.Ordinal) ? t.Name[..^4] : t.Name;
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Page<>)
            ? Plain(type.GetGenericArguments()[0]) + "Page"
            : Plain(type);
    }

    /// <summary>
    /// Every operation that needs a key or a token says so, with the 401 it then answers, and the 403 where its
    /// authorization requires a role; every rate-limited operation declares 429 with Retry-After; every
    /// success and client error carries the rate-limit headers the service sends.
    /// </summary>
    private sealed class AccessAndRateLimitFilter(IOptions<AuthorizationOptions> authorization) : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            operation.Responses ??= [];
            if (!metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(SecuritySchemeName, context.Document)] = [],
                });
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(BearerSchemeName, context.Document)] = [],
                });
                AddProblem(operation, context, StatusCodes.Status401Unauthorized);
                if (metadata.OfType<IAuthorizeData>().Any(RequiresRole))
                {
                    AddProblem(operation, context, StatusCodes.Status403Forbidden);
                }
            }

            if (!metadata.OfType<DisableRateLimitingAttribute>().Any())
            {
                var tooMany = AddProblem(operation, context, StatusCodes.Status429TooManyRequests);
                tooMany.Headers ??= new Dictionary<string, IOpenApiHeader>();
                tooMany.Headers[HeaderNames.RetryAfter] = Header(context.Document, HeaderNames.RetryAfter,
                    "Seconds to wait before the client's window of requests opens again.", 1, RateLimitSettings.LongestWindowSeconds);
                foreach (var (status, response) in operation.Responses)
                {
                    if (status.StartsWith('2') || status.StartsWith('4'))
                    {
                        var headers = ((OpenApiResponse)response).Headers ??= new Dictionary<string, IOpenApiHeader>();
                        headers[RateLimiting.LimitHeader] = Header(context.Document, RateLimiting.LimitHeader,
                            "Requests this client may make in each window.", 1, RateLimitSettings.MostPermits);
                        headers[RateLimiting.RemainingHeader] = Header(context.Document, RateLimiting.RemainingHeader,
                            "Requests this client has left in the current window.", 0, RateLimitSettings.MostPermits);
                    }
                }
            }
        }

        private bool RequiresRole(IAuthorizeData authorize) =>
            !string.IsNullOrEmpty(authorize.Roles)
            || authorize.Policy is { } policy
            && authorization.Value.GetPolicy(policy)?.Requirements.OfType<RolesAuthorizationRequirement>().Any() == true;

        private static OpenApiResponse AddProblem(OpenApiOperation operation, OperationFilterContext context, int status)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses!.TryGetValue(key, out var existing) && existing is OpenApiResponse declared)
            {
                return declared;
            }

            var response = new OpenApiResponse
            {
                Description = ReasonPhrases.GetReasonPhrase(status),
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["application/problem+json"] = new OpenApiMediaType
                    {
                        Schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository),
                    },
                },
            };
            operation.Responses[key] = response;
            return response;
        }

        /// <summary>One definition per header in components, referenced from each response.</summary>
        private static OpenApiHeaderReference Header(OpenApiDocument document, string name, string description, int minimum, int maximum)
        {
            document.Components ??= new OpenApiComponents();
            document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (!document.Components.Headers.ContainsKey(name))
            {
                document.Components.Headers[name] = new OpenApiHeader
                {
                    Description = description,
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Integer,
                        Format = "int32",
                        Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Maximum = maximum.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    },
                };
            }

            return new OpenApiHeaderReference(name, document);
        }
    }
}
