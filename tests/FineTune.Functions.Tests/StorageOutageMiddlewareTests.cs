using System.Text.Json;
using Azure;
using FineTune.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace FineTune.Functions.Tests;

/// <summary>The worker middleware the Functions host runs (Program.cs registers it with UseFineTuneMiddleware).</summary>
public sealed class StorageOutageMiddlewareTests
{
    private static FunctionExecutionDelegate Throwing(Exception exception) => _ => throw exception;

    private static Task<FakeFunctionContext> InvokeAsync(FunctionExecutionDelegate function, HttpContext? http) =>
        FakeFunctionContext.InvokeAsync(builder => builder.UseFineTuneMiddleware(), function, http);

    [Fact]
    public async Task HttpInvocation_StorageUnreachable_Answers503ProblemWithRetryAfter()
    {
        var http = new DefaultHttpContext { Response = { Body = new MemoryStream() } };

        FakeFunctionContext context = await InvokeAsync(Throwing(new RequestFailedException(0, "Connection refused")), http);
        var result = Assert.IsAssignableFrom<IActionResult>(context.InvocationResultValue);
        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
        http.Response.Body.Position = 0;
        JsonElement problem = JsonDocument.Parse(http.Response.Body).RootElement;

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        Assert.Equal(Problems.ContentType, http.Response.ContentType);
        Assert.Equal("5", http.Response.Headers.RetryAfter.ToString());
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task HttpInvocation_OtherException_Propagates()
    {
        var failure = new InvalidOperationException("a bug");
        FakeFunctionContext? context = null;

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            context = await InvokeAsync(Throwing(failure), new DefaultHttpContext()));

        Assert.Same(failure, thrown);
        Assert.Null(context);
    }

    [Fact]
    public async Task HttpInvocation_CancelledByTheCaller_Propagates()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        var http = new DefaultHttpContext { RequestAborted = aborted.Token };

        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            InvokeAsync(Throwing(new OperationCanceledException(aborted.Token)), http));
    }

    [Fact]
    public async Task TimerInvocation_StorageUnreachable_Propagates()
    {
        // Without an HttpContext there is no caller to answer: the failure goes to the host, its retries and alerts.
        await Assert.ThrowsAsync<RequestFailedException>(() => InvokeAsync(Throwing(new RequestFailedException(503, "Server busy")), null));
    }

    [Fact]
    public async Task HttpInvocation_Succeeds_KeepsTheFunctionsResult()
    {
        IActionResult answered = new StatusOnlyResult(StatusCodes.Status204NoContent);

        FakeFunctionContext context = await InvokeAsync(
            invocation =>
            {
                invocation.GetInvocationResult().Value = answered;
                return Task.CompletedTask;
            },
            new DefaultHttpContext());

        Assert.Same(answered, context.InvocationResultValue);
    }
}
