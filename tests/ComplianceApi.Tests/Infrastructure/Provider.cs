namespace ComplianceApi.Tests.Infrastructure;

/// <summary>The storage a test runs on: every test that touches data runs on both.</summary>
public enum Provider { Sqlite, Postgres }
