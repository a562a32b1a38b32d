/// <summary>Counters the writers and the killer share (updated with Interlocked).</summary>
internal sealed class Figures
{
    public int Requests;
    public int TransportFailures;
    public int Resends;
    public int FirstAnswers;
    public int ReplaysDuringRun;
    public int PreconditionFailed;
    public int KeyInUse;
    public int ConcurrencyConflicts;
    public int ServerErrors;
}
