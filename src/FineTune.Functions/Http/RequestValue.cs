using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Mvc;

namespace FineTune.Functions.Http;

/// <summary>A value read from a request, or the refusal to answer with instead.</summary>
public sealed class RequestValue<T>
{
    private RequestValue(T? value, IActionResult? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    /// <summary>The value; set when <see cref="IsRefused"/> is false.</summary>
    public T? Value { get; }

    /// <summary>The problem response; set when <see cref="IsRefused"/> is true.</summary>
    public IActionResult? Refusal { get; }

    /// <summary>True when the request is refused and <see cref="Refusal"/> is the response.</summary>
    [MemberNotNullWhen(true, nameof(Refusal))]
    [MemberNotNullWhen(false, nameof(Value))]
    public bool IsRefused => Refusal is not null;

    /// <summary>An accepted value.</summary>
    public static RequestValue<T> Accept(T value) => new(value, null);

    /// <summary>A refusal.</summary>
    public static RequestValue<T> Refuse(IActionResult refusal) => new(default, refusal);

    /// <summary>A refusal, as a value.</summary>
    public static implicit operator RequestValue<T>(RefusalResult refusal) => Refuse(refusal.Result);
}

/// <summary>Lets a helper return a problem where a <see cref="RequestValue{T}"/> is expected.</summary>
public readonly record struct RefusalResult(IActionResult Result);
