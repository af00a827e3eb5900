using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace FineTune.Functions.Tests;

/// <summary>
/// The least of a worker invocation that middleware reads: items (where the ASP.NET Core integration keeps the
/// HttpContext), services and the invocation result, which <c>GetInvocationResult()</c> reaches through a feature.
/// </summary>
public sealed class FakeFunctionContext : FunctionContext
{
    // The key under which Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore stores the HttpContext.
    private const string HttpContextKey = "HttpRequestContext";

    private readonly InvocationResultFeature result;

    public FakeFunctionContext(IServiceProvider services, HttpContext? http)
    {
        InstanceServices = services;
        if (http is not null)
        {
            Items[HttpContextKey] = http;
        }
        result = InvocationResultFeature.Create(Features);
    }

    /// <summary>What the invocation answered, as set by the function or a middleware.</summary>
    public object? InvocationResultValue => result.Value;

    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");

    public override string FunctionId => "fake";

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new FeatureCollection();

    /// <summary>Runs <paramref name="function"/> behind the middleware <paramref name="configure"/> registers, as the worker would.</summary>
    public static async Task<FakeFunctionContext> InvokeAsync(
        Action<IFunctionsWorkerApplicationBuilder> configure, FunctionExecutionDelegate function, HttpContext? http)
    {
        var builder = new PipelineBuilder();
        configure(builder);
        FunctionExecutionDelegate pipeline = builder.Middleware.AsEnumerable().Reverse().Aggregate(function, (next, use) => use(next));
        var context = new FakeFunctionContext(builder.Services.BuildServiceProvider(), http);
        await pipeline(context);
        return context;
    }

    private sealed class PipelineBuilder : IFunctionsWorkerApplicationBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();

        public List<Func<FunctionExecutionDelegate, FunctionExecutionDelegate>> Middleware { get; } = [];

        public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware)
        {
            Middleware.Add(middleware);
            return this;
        }
    }

    private sealed class FeatureCollection : IInvocationFeatures
    {
        private readonly Dictionary<Type, object> features = [];

        public void Add(Type type, object feature) => features[type] = feature;

        public T? Get<T>() => features.TryGetValue(typeof(T), out object? feature) ? (T)feature : default;

        public void Set<T>(T instance) => features[typeof(T)] = instance!;

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => features.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// The worker's bindings feature, which it keeps internal, as a proxy that holds only the invocation result: enough
    /// for <c>GetInvocationResult()</c>, and any other member fails the test loudly.
    /// </summary>
    public class InvocationResultFeature : DispatchProxy
    {
        private const string FeatureType = "Microsoft.Azure.Functions.Worker.Context.Features.IFunctionBindingsFeature";

        public object? Value { get; private set; }

        internal static InvocationResultFeature Create(IInvocationFeatures features)
        {
            Type feature = typeof(FunctionContext).Assembly.GetType(FeatureType, throwOnError: true)!;
            var proxy = (InvocationResultFeature)Create(feature, typeof(InvocationResultFeature));
            ((FeatureCollection)features).Add(feature, proxy);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            switch (targetMethod?.Name)
            {
                case "get_InvocationResult":
                    return Value;
                case "set_InvocationResult":
                    Value = args![0];
                    return null;
                default:
                    throw new NotSupportedException($"The fake invocation does not serve {targetMethod?.Name}.");
            }
        }
    }
}
