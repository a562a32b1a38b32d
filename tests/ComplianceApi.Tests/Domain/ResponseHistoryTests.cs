using ComplianceApi.Domain;

namespace ComplianceApi.Tests.Domain;

/// <summary>
/// The as-of fold against hand-built histories: City of London's response to Recommendation 8 of
/// "Building the picture" (due immediately, 2 July 2015), recorded in this service on 1 March 2026
/// with its history entered afterwards.
/// </summary>
public sealed class ResponseHistoryTests
{
    private static readonly DateOnly DueOn = new(2015, 7, 2);
    private static readonly DateTimeOffset RecordedAt = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Status_rag_position_owner_and_revised_date_are_those_in_effect_on_each_date()
    {
        var response = Recommendation8Response();
        response.RecordProgress(Entry(new DateOnly(2015, 10, 21), ResponseStatus.InProgress, Rag.Amber, "Compliant across the archive; NSPIS cannot delete."), Later(1));
        response.Revise(Details("Detective Chief Inspector Records", new DateOnly(2016, 3, 31)), new DateOnly(2016, 1, 4), "City tracker", Later(2));
        response.Rebaseline(new DateOnly(2016, 12, 31), "A new IT system is to be procured in 2016.", new DateOnly(2016, 2, 1), "City tracker", Later(3));
        response.RecordProgress(Entry(new DateOnly(2017, 1, 10), ResponseStatus.Implemented, Rag.Green, "New system live; records reviewed."), Later(4));
        var history = ResponseHistory.Of(response, [Minutes(new DateOnly(2017, 2, 1))]);

        var october2015 = history.StateOn(new DateOnly(2015, 10, 21))!;
        var january2016 = history.StateOn(new DateOnly(2016, 1, 20))!;
        var june2016 = history.StateOn(new DateOnly(2016, 6, 1))!;
        var january2017 = history.StateOn(new DateOnly(2017, 1, 20))!;
        var march2017 = history.StateOn(new DateOnly(2017, 3, 1))!;

        Assert.Equal((ResponseStatus.InProgress, Rag.Amber, "Detective Superintendent Information Management", (DateOnly?)null),
            (october2015.Status, october2015.Rag, october2015.OwnerName, october2015.RevisedTargetDate));
        Assert.Equal("Compliant across the archive; NSPIS cannot delete.", october2015.PositionStatement);
        Assert.Equal(("Detective Chief Inspector Records", (DateOnly?)null), (january2016.OwnerName, january2016.RevisedTargetDate));
        Assert.Equal((new DateOnly(2016, 12, 31), new DateOnly(2016, 12, 31)), (june2016.RevisedTargetDate!.Value, june2016.DueDate!.Value));
        Assert.Equal((ResponseStatus.Implemented, Rag.Green, "New system live; records reviewed."),
            (january2017.Status, january2017.Rag, january2017.PositionStatement));
        Assert.False(january2017.HasEvidence);
        Assert.True(march2017.HasEvidence);
    }

    [Fact]
    public void Before_its_history_begins_a_response_has_no_state_and_before_its_first_update_it_is_not_assessed()
    {
        var response = Recommendation8Response();
        response.RecordProgress(Entry(new DateOnly(2015, 10, 21), ResponseStatus.InProgress, Rag.Amber, "Started."), Later(1));
        var history = ResponseHistory.Of(response, []);

        Assert.Equal(new DateOnly(2015, 10, 21), response.TrackedSince);
        Assert.Null(history.StateOn(new DateOnly(2015, 10, 20)));
        var notYet = new ResponseHistory(new DateOnly(2015, 9, 1), DueOn, [], response.Revisions, [], []).StateOn(new DateOnly(2015, 9, 30))!;
        Assert.Equal((ResponseStatus.NotAssessed, (Rag?)null, (string?)null), (notYet.Status, notYet.Rag, notYet.PositionStatement));
        Assert.Equal("Detective Superintendent Information Management", notYet.OwnerName);
    }

    [Fact]
    public void An_entry_recorded_later_on_the_same_date_wins()
    {
        var response = Recommendation8Response();
        var on = new DateOnly(2015, 10, 21);
        response.RecordProgress(Entry(on, ResponseStatus.InProgress, Rag.Red, "First view."), Later(1));
        response.RecordProgress(Entry(on, ResponseStatus.InProgress, Rag.Amber, "Corrected the same day."), Later(2));

        var state = ResponseHistory.Of(response, []).StateOn(on)!;

        Assert.Equal((Rag.Amber, "Corrected the same day."), (state.Rag!.Value, state.PositionStatement!));
    }

    [Fact]
    public void Entries_read_in_bulk_in_any_order_fold_to_the_same_state_as_the_loaded_history()
    {
        var response = Recommendation8Response();
        var on = new DateOnly(2016, 1, 20);
        response.RecordProgress(Entry(new DateOnly(2015, 10, 21), ResponseStatus.InProgress, Rag.Red, "First view."), Later(1));
        response.RecordProgress(Entry(new DateOnly(2015, 10, 21), ResponseStatus.InProgress, Rag.Amber, "Corrected the same day."), Later(2));
        response.Revise(Details("Detective Chief Inspector Records", new DateOnly(2016, 3, 31)), new DateOnly(2016, 1, 4), "City tracker", Later(3));
        response.Rebaseline(new DateOnly(2016, 12, 31), "A new IT system is to be procured in 2016.", new DateOnly(2016, 1, 10), "City tracker", Later(4));
        response.RecordProgress(Entry(new DateOnly(2016, 2, 1), ResponseStatus.Implemented, Rag.Green, "Not yet in effect on the date."), Later(5));
        var expected = ResponseHistory.Of(response, [Minutes(new DateOnly(2016, 1, 15))]).StateOn(on);

        var latestFirst = new ResponseFold(on, response.TrackedSince, DueOn);
        foreach (var update in response.Updates.Reverse())
        {
            latestFirst.Take(UpdateInEffect.From(update));
        }

        foreach (var revision in response.Revisions.Reverse())
        {
            latestFirst.Take(RevisionInEffect.From(revision));
        }

        latestFirst.Take(TargetChangeInEffect.From(response.TargetDateChanges.Single()));
        latestFirst.TakeEvidence(new EvidenceInEffect(new DateOnly(2016, 1, 15), EvidenceReviewState.Accepted, null));

        Assert.Equal(expected, latestFirst.State);
        Assert.Equal(("Corrected the same day.", "Detective Chief Inspector Records", new DateOnly(2016, 12, 31)),
            (expected!.PositionStatement, expected.OwnerName, expected.DueDate!.Value));
    }

    [Theory]
    [InlineData(ResponseStatus.InProgress, "2015-07-02", false, 0)]
    [InlineData(ResponseStatus.InProgress, "2015-07-03", true, 1)]
    [InlineData(ResponseStatus.NotStarted, "2015-10-21", true, 111)]
    [InlineData(ResponseStatus.Implemented, "2015-10-21", false, 0)]
    [InlineData(ResponseStatus.Closed, "2015-10-21", false, 0)]
    [InlineData(ResponseStatus.NotApplicable, "2015-10-21", false, 0)]
    [InlineData(ResponseStatus.Superseded, "2015-10-21", false, 0)]
    public void Overdue_means_the_due_date_has_passed_and_the_response_is_not_finished(ResponseStatus status, string on, bool overdue, int days)
    {
        var state = State(status, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((overdue, days), (state.IsOverdue, state.DaysOverdue));
    }

    [Fact]
    public void Due_within_counts_days_left_only_while_open_and_not_yet_overdue()
    {
        var due = State(ResponseStatus.InProgress, new DateOnly(2015, 6, 22));
        var dueToday = State(ResponseStatus.InProgress, DueOn);
        var implemented = State(ResponseStatus.Implemented, new DateOnly(2015, 6, 22));

        Assert.Equal(10, due.DaysUntilDue);
        Assert.True(due.IsDueWithin(10));
        Assert.False(due.IsDueWithin(9));
        Assert.True(dueToday.IsDueWithin(0));
        Assert.Null(implemented.DaysUntilDue);
        Assert.Null(State(ResponseStatus.InProgress, new DateOnly(2015, 7, 3)).DaysUntilDue);
    }

    [Theory]
    [InlineData(ResponseStatus.InProgress, "2015-10-21", false, false, Rag.Red)]
    [InlineData(ResponseStatus.NotStarted, "2015-10-21", false, false, Rag.Red)]
    [InlineData(ResponseStatus.InProgress, "2015-06-01", false, false, Rag.Amber)]
    [InlineData(ResponseStatus.NotStarted, "2015-06-01", true, false, Rag.Amber)]
    [InlineData(ResponseStatus.Implemented, "2015-10-21", false, false, Rag.Amber)]
    [InlineData(ResponseStatus.Implemented, "2015-10-21", false, true, Rag.Green)]
    [InlineData(ResponseStatus.Closed, "2015-10-21", true, true, Rag.Green)]
    public void The_rules_give_red_when_overdue_green_when_implemented_with_evidence_and_amber_when_in_progress_or_rebaselined(
        ResponseStatus status, string on, bool rebaselined, bool evidence, Rag expected)
    {
        var state = State(status, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture),
            revisedTargetDate: rebaselined ? new DateOnly(2015, 9, 30) : null, hasEvidence: evidence);

        Assert.Equal(expected, state.DerivedRag);
    }

    [Theory]
    [InlineData(ResponseStatus.NotStarted)]
    [InlineData(ResponseStatus.NotApplicable)]
    [InlineData(ResponseStatus.Superseded)]
    public void The_rules_give_no_rating_where_nothing_is_asked_yet_or_any_longer(ResponseStatus status)
    {
        Assert.Null(State(status, new DateOnly(2015, 6, 1)).DerivedRag);
    }

    [Fact]
    public void A_recorded_rating_that_differs_from_the_rules_is_flagged()
    {
        var greenButOverdue = State(ResponseStatus.InProgress, new DateOnly(2015, 10, 21), rag: Rag.Green);
        var agreed = State(ResponseStatus.InProgress, new DateOnly(2015, 10, 21), rag: Rag.Red);
        var nothingToRate = State(ResponseStatus.NotApplicable, new DateOnly(2015, 10, 21), rag: Rag.Green);

        Assert.True(greenButOverdue.RagDisagrees);
        Assert.False(agreed.RagDisagrees);
        Assert.False(nothingToRate.RagDisagrees);
    }

    [Fact]
    public void A_rebaselined_target_replaces_the_findings_due_date_from_its_effective_date()
    {
        var response = Recommendation8Response();
        response.RecordProgress(Entry(new DateOnly(2015, 7, 10), ResponseStatus.InProgress, Rag.Amber, "Started."), Later(1));
        response.Rebaseline(new DateOnly(2016, 6, 30), "Awaiting the new IT system.", new DateOnly(2015, 9, 1), "City tracker", Later(2));
        var history = ResponseHistory.Of(response, []);

        var august = history.StateOn(new DateOnly(2015, 8, 1))!;
        var october = history.StateOn(new DateOnly(2015, 10, 21))!;

        Assert.Equal((DueOn, true, Rag.Red), (august.DueDate!.Value, august.IsOverdue, august.DerivedRag!.Value));
        Assert.Equal((new DateOnly(2016, 6, 30), false, Rag.Amber), (october.DueDate!.Value, october.IsOverdue, october.DerivedRag!.Value));
    }

    [Fact]
    public void The_target_date_moves_only_by_rebaselining_once_set()
    {
        var response = Recommendation8Response();

        var moved = Assert.Throws<DomainRuleException>(() =>
            response.Revise(Details("Detective Chief Inspector Records", new DateOnly(2017, 1, 1)), null, "City tracker", Later(1)));
        var change = response.Rebaseline(new DateOnly(2017, 1, 1), "Awaiting the new IT system.", null, "City tracker", Later(2));
        response.Revise(Details("Detective Chief Inspector Records", new DateOnly(2017, 1, 1)), null, "City tracker", Later(3));

        Assert.Contains("re-baselining", moved.Message);
        Assert.Equal((new DateOnly(2016, 3, 31), new DateOnly(2017, 1, 1), "City tracker"), (change.PreviousTargetDate!.Value, change.NewTargetDate, change.ChangedBy));
        Assert.Equal(new DateOnly(2017, 1, 1), response.TargetDate);
    }

    [Fact]
    public void A_target_date_not_yet_set_is_set_by_a_revision()
    {
        var response = Recommendation8Response(withTarget: false);

        response.Revise(Details("Detective Superintendent Information Management", new DateOnly(2016, 3, 31)), null, "City tracker", Later(1));

        Assert.Equal(new DateOnly(2016, 3, 31), response.TargetDate);
        Assert.Null(response.RevisedTargetDate);
    }

    [Fact]
    public void Rebaselining_keeps_its_dates_in_order_and_needs_an_open_response_and_a_new_date()
    {
        var response = Recommendation8Response();
        response.Rebaseline(new DateOnly(2016, 12, 31), "Procurement slipped.", new DateOnly(2016, 2, 1), "City tracker", Later(1));

        Assert.Contains("before it", Assert.Throws<DomainRuleException>(() =>
            response.Rebaseline(new DateOnly(2017, 6, 30), "Again.", new DateOnly(2016, 1, 1), "City tracker", Later(2))).Message);
        Assert.Contains("already", Assert.Throws<DomainRuleException>(() =>
            response.Rebaseline(new DateOnly(2016, 12, 31), "Same.", null, "City tracker", Later(2))).Message);
        Assert.Contains("future", Assert.Throws<DomainRuleException>(() =>
            response.Rebaseline(new DateOnly(2017, 6, 30), "Ahead.", new DateOnly(2026, 3, 5), "City tracker", Later(2))).Message);
        Assert.Contains("before it", Assert.Throws<DomainRuleException>(() =>
            response.Revise(Details("Someone", new DateOnly(2016, 12, 31)), new DateOnly(2016, 1, 15), "City tracker", Later(2))).Message);

        response.RecordProgress(Entry(new DateOnly(2016, 11, 1), ResponseStatus.NotApplicable, null, "The force no longer holds such records."), Later(3));
        Assert.Contains("open", Assert.Throws<DomainRuleException>(() =>
            response.Rebaseline(new DateOnly(2017, 6, 30), "Too late.", null, "City tracker", Later(4))).Message);
    }

    private static ResponseState State(ResponseStatus status, DateOnly on, Rag? rag = null, DateOnly? revisedTargetDate = null, bool hasEvidence = false) =>
        new(on, status, rag, null, null, null, null, revisedTargetDate, revisedTargetDate, DueOn, hasEvidence);

    private static DateTimeOffset Later(int minutes) => RecordedAt.AddMinutes(minutes);

    private static ResponseDetails Details(string owner, DateOnly? target) =>
        new(owner, "Head of Information Management", "Information Management Board", null, target, null);

    private static ProgressEntry Entry(DateOnly on, ResponseStatus status, Rag? rag, string narrative) =>
        new(on, status, rag, narrative, "Information Management Unit", null, null);

    private static Evidence Minutes(DateOnly date, EvidenceReviewState review = EvidenceReviewState.Accepted, DateOnly? expiresOn = null)
    {
        var minutes = Evidence.ForResponse(Guid.CreateVersion7(), Recommendation8Response(),
            new EvidenceDetails("Information Management Board minutes", EvidenceKind.Minutes, "IMB minute 6", null, date, null), RecordedAt);
        var reviewer = new AuditClient("Force audit", "reviewer-key");
        switch (review)
        {
            case EvidenceReviewState.Accepted:
                minutes.Accept(reviewer, "Minuted decision.", expiresOn, RecordedAt);
                break;
            case EvidenceReviewState.Rejected:
                minutes.Reject(reviewer, "These minutes are of another board.", RecordedAt);
                break;
        }

        return minutes;
    }

    [Theory]
    [InlineData(EvidenceReviewState.Submitted, null, "2017-03-01", false)]
    [InlineData(EvidenceReviewState.Rejected, null, "2017-03-01", false)]
    [InlineData(EvidenceReviewState.Accepted, null, "2017-03-01", true)]
    [InlineData(EvidenceReviewState.Accepted, "2018-02-01", "2018-01-31", true)]
    [InlineData(EvidenceReviewState.Accepted, "2018-02-01", "2018-02-01", false)]
    [InlineData(EvidenceReviewState.Accepted, "2018-02-01", "2017-01-31", false)]
    public void Only_accepted_evidence_not_expired_on_the_date_asked_counts_from_its_own_date(EvidenceReviewState review, string? expiresOn, string on, bool counts)
    {
        var response = Recommendation8Response();
        response.RecordProgress(Entry(new DateOnly(2015, 10, 21), ResponseStatus.Implemented, Rag.Green, "Records reviewed."), Later(1));
        var history = ResponseHistory.Of(response,
            [Minutes(new DateOnly(2017, 2, 1), review, expiresOn is null ? null : DateOnly.Parse(expiresOn, System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(counts, history.StateOn(DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture))!.HasEvidence);
    }

    private static ForceResponse Recommendation8Response(bool withTarget = true)
    {
        var inspection = new Inspection(Guid.CreateVersion7(), "building-the-picture-2015", new InspectionDetails(
            Inspectorate.Hmic, "Building the picture", InspectionType.NationalThematic, new DateOnly(2015, 7, 2), null, null,
            PublicationStatus.Published, null, AllForcesInScope: true, []), RecordedAt);
        var finding = new Finding(Guid.CreateVersion7(), inspection, "Recommendation 8", new FindingDetails(
            FindingKind.Recommendation, "Immediately, chief constables should ...", BusinessArea.InformationManagement, "Immediately", DueOn,
            [new Addressee(AddresseeKind.ChiefConstables, null, null)]), RecordedAt);
        return new ForceResponse(Guid.CreateVersion7(), finding, "city-of-london",
            Details("Detective Superintendent Information Management", withTarget ? new DateOnly(2016, 3, 31) : null), null, "City tracker", RecordedAt);
    }
}
