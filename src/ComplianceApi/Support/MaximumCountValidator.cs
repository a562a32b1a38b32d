using System.Collections;
using FluentValidation;
using FluentValidation.Validators;

namespace ComplianceApi.Support;

/// <summary>A list's most items, as a rule the contract can read (a <c>Must</c> lambda hides its number).</summary>
public interface IMaximumCountValidator
{
    int Max { get; }
}

public sealed class MaximumCountValidator<T, TCollection>(int max) : PropertyValidator<T, TCollection>, IMaximumCountValidator
    where TCollection : IEnumerable?
{
    public int Max => max;

    public override string Name => "MaximumCountValidator";

    public override bool IsValid(ValidationContext<T> context, TCollection value)
    {
        if (value is null)
        {
            return true;
        }

        context.MessageFormatter.AppendArgument("MaxCount", max);
        return value is ICollection collection ? collection.Count <= max : value.Cast<object?>().Take(max + 1).Count() <= max;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => "At most {MaxCount} items.";
}

public static class MaximumCountRules
{
    public static IRuleBuilderOptions<T, TCollection> MaximumCount<T, TCollection>(this IRuleBuilder<T, TCollection> rule, int max)
        where TCollection : IEnumerable? =>
        rule.SetValidator(new MaximumCountValidator<T, TCollection>(max));
}
