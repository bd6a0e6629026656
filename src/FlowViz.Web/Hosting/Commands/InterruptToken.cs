using System.Runtime.InteropServices;

namespace FlowViz.Web.Hosting.Commands;

/// <summary>
/// Cancelled on Ctrl+C (SIGINT) or SIGTERM instead of the process dying, so an interrupted run still reports
/// what it sent. The signal registrations are disposed before the token source they cancel.
/// </summary>
internal sealed class InterruptToken : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public InterruptToken()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _source.Dispose();
    }

    private void Cancel(PosixSignalContext context)
    {
        context.Cancel = true;
        _source.Cancel();
    }
}
