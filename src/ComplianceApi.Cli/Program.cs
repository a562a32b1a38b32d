using System.Text;
using ComplianceApi.Cli;

// Documents and tables are UTF-8 whatever the terminal's default, without a byte order mark in a pipe.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

return await CliApplication.RunAsync(
    args,
    Console.Out,
    Console.Error,
    Environment.GetEnvironmentVariable,
    isTerminal: !Console.IsOutputRedirected && !Console.IsErrorRedirected,
    errorIsTerminal: !Console.IsErrorRedirected);
