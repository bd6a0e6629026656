using FlowViz.Fuzzing;
using SharpFuzz;

// Usage: dotnet FlowViz.Fuzzing.dll <v5|v9|ipfix|sflow>            (under afl-fuzz, input on stdin)
//        dotnet FlowViz.Fuzzing.dll <v5|v9|ipfix|sflow> FILE...    (replay inputs, e.g. a crash)
if (args.Length == 0 || !FuzzTarget.TryCreate(args[0], out var target))
{
    Console.Error.WriteLine($"usage: FlowViz.Fuzzing <{string.Join('|', FuzzTarget.Names)}> [FILE...]");
    return 2;
}
if (args.Length > 1)
{
    foreach (var file in args[1..])
    {
        target.Check(File.ReadAllBytes(file));
        Console.WriteLine($"{file}: ok");
    }
    return 0;
}
Fuzzer.Run(stream =>
{
    // AFL's inputs are small (a datagram is at most 64 KiB); copying keeps the target span-based.
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target.Check(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
});
return 0;
