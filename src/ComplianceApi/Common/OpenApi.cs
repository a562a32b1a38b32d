using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ComplianceApi.Common;

public static class OpenApi
{
    public const string DocumentName = "v1";
    private const string SecuritySchemeName = "ApiKey";

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
            options.OperationFilter<ApiKeyRequirementFilter>();
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

    /// <summary>Every operation that needs a key says so, with the 401 and 403 it can then answer.</summary>
    private sealed class ApiKeyRequirementFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                return;
            }

            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(SecuritySchemeName, context.Document)] = [],
            });
        }
    }
}
