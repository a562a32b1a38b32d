using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplianceApi.Data.Migrations.Postgres;

// The 1.x migrations, written for both providers, under the ids stored databases have applied. The last
// one's target model (in its .Designer.cs) is this chain's baseline, for `dotnet ef migrations remove`.

[DbContext(typeof(ComplianceDbContext))]
[Migration("20261121000000_InitialSchema")]
public sealed class InitialSchema : Migrations.InitialSchema;

[DbContext(typeof(ComplianceDbContext))]
[Migration("20261121100000_DeadlineResolution")]
public sealed class DeadlineResolution : Migrations.DeadlineResolution;

[DbContext(typeof(ComplianceDbContext))]
[Migration("20261121110000_ResponseHistory")]
public sealed class ResponseHistorySchema : Migrations.ResponseHistorySchema;

[DbContext(typeof(ComplianceDbContext))]
[Migration("20261121120000_BenchmarkIndexes")]
public sealed class BenchmarkIndexes : Migrations.BenchmarkIndexes;

[DbContext(typeof(ComplianceDbContext))]
[Migration("20261121130000_CommitteeStatements")]
public sealed class CommitteeStatements : Migrations.CommitteeStatements;

[DbContext(typeof(ComplianceDbContext))]
[Migration("20261121140000_DataVersion")]
public sealed class DataVersionTable : Migrations.DataVersionTable;

[DbContext(typeof(ComplianceDbContext))]
[Migration("20261121150000_ResponseDueOn")]
public sealed partial class ResponseDueOn : Migrations.ResponseDueOn;
