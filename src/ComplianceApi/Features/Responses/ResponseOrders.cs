using ComplianceApi.Data.Responses;
using ComplianceApi.Support;

namespace ComplianceApi.Features.Responses;

public static class ResponseOrders
{
    public static KeysetOrder<ResponseSnapshot> For(ResponseSort? sort, DateOnly on) => sort switch
    {
        ResponseSort.DueDate => new KeysetOrder<ResponseSnapshot>(nameof(ResponseSort.DueDate))
            .Ascending(s => s.DueKey).Ascending(s => s.Id),
        ResponseSort.DaysOverdue => new KeysetOrder<ResponseSnapshot>(nameof(ResponseSort.DaysOverdue))
            .Ascending(ResponseSnapshots.OverdueFirst(on)).Ascending(s => s.DueKey).Ascending(s => s.Id),
        ResponseSort.Force => new KeysetOrder<ResponseSnapshot>(nameof(ResponseSort.Force))
            .Ascending(s => s.ForceCode).Ascending(s => s.DueKey).Ascending(s => s.Id),
        ResponseSort.Inspection => new KeysetOrder<ResponseSnapshot>(nameof(ResponseSort.Inspection))
            .Ascending(s => s.InspectionReference).Ascending(s => s.FindingReference).Ascending(s => s.Id),
        _ => new KeysetOrder<ResponseSnapshot>(nameof(ResponseSort.Recorded)).Ascending(s => s.Id),
    };
}
