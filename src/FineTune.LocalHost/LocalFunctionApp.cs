using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Queues.Models;
using FineTune.Functions.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using NCrontab;

namespace FineTune.LocalHost;

/// <summary>An HTTP-triggered function, bound to its route.</summary>
/// <param name="Pattern">The full route, route prefix included.</param>
/// <param name="Methods">Upper-case HTTP methods; <c>null</c> for any method.</param>
internal sealed record HttpFunction(string Name, string Pattern, IReadOnlyList<string>? Methods, string AuthLevel, RequestDelegate Handler);

/// <summary>A timer-triggered function with its resolved schedule.</summary>
/// <param name="Expression">The six-field NCRONTAB expression after <c>%SETTING%</c> names were resolved.</param>
internal sealed record TimerFunction(
    string Name, string Expression, CrontabSchedule Schedule, bool RunOnStartup,
    Func<IServiceProvider, TimerInfo, CancellationToken, Task> Invoke);

/// <summary>A queue-triggered function with its resolved queue.</summary>
/// <param name="QueueName">The queue after <c>%SETTING%</c> names were resolved.</param>
/// <param name="Connection">The app setting (prefix) that names the storage account.</param>
internal sealed record QueueFunction(
    string Name, string QueueName, string Connection, Func<IServiceProvider, QueueMessage, CancellationToken, Task> Invoke);

/// <summary>
/// The function app as <c>functions.metadata</c> declares it, each function bound to the class and method of its
/// entry point. Building it refuses any binding this host cannot serve faithfully, so nothing is served wrongly.
/// </summary>
internal sealed partial class LocalFunctionApp(
    IReadOnlyList<HttpFunction> httpFunctions, IReadOnlyList<TimerFunction> timerFunctions, IReadOnlyList<QueueFunction> queueFunctions)
{
    /// <summary>The storage connection of a queue trigger that names none, as in the Functions host.</summary>
    public const string DefaultConnection = "AzureWebJobsStorage";

    private static readonly ActionDescriptor EmptyActionDescriptor = new();

    // A message bound to a class is JSON, read as the isolated worker's default serializer reads it: names in any case.
    private static readonly JsonSerializerOptions MessageJson = new(JsonSerializerDefaults.Web);

    /// <summary>The HTTP functions.</summary>
    public IReadOnlyList<HttpFunction> HttpFunctions { get; } = httpFunctions;

    /// <summary>The timer functions.</summary>
    public IReadOnlyList<TimerFunction> TimerFunctions { get; } = timerFunctions;

    /// <summary>The queue-triggered functions.</summary>
    public IReadOnlyList<QueueFunction> QueueFunctions { get; } = queueFunctions;

    /// <summary>Binds every function of <paramref name="functions"/>.</summary>
    /// <exception cref="NotSupportedException">A function has a binding, parameter or return type this host does not serve.</exception>
    public static LocalFunctionApp Create(IReadOnlyList<FunctionMetadata> functions, string routePrefix, IConfiguration configuration)
    {
        var http = new List<HttpFunction>();
        var timers = new List<TimerFunction>();
        var queues = new List<QueueFunction>();
        foreach (FunctionMetadata function in functions)
        {
            BindingMetadata trigger = ValidateBindings(function);
            MethodInfo method = ResolveEntryPoint(function);
            if (trigger.Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase))
            {
                string route = string.IsNullOrEmpty(trigger.Route) ? function.Name : trigger.Route.Trim('/');
                string pattern = routePrefix.Length == 0 ? route : $"{routePrefix}/{route}";
                IReadOnlyList<string>? methods = trigger.Methods is { Count: > 0 } declared
                    ? declared.Select(m => m.ToUpperInvariant()).ToList()
                    : null;
                http.Add(new HttpFunction(function.Name, pattern, methods, trigger.AuthLevel ?? "Function", CreateHttpHandler(function, method, pattern)));
            }
            else if (trigger.Type.Equals("queueTrigger", StringComparison.OrdinalIgnoreCase))
            {
                string queueName = ResolveSettings(trigger.QueueName ?? "", function.Name, configuration);
                if (queueName.Length == 0)
                {
                    throw new NotSupportedException($"Function {function.Name}: its queue trigger names no queue.");
                }
                queues.Add(new QueueFunction(
                    function.Name, queueName, string.IsNullOrEmpty(trigger.Connection) ? DefaultConnection : trigger.Connection,
                    CreateQueueInvoker(function, method, trigger.Name)));
            }
            else
            {
                string expression = ResolveSettings(trigger.Schedule ?? "", function.Name, configuration);
                CrontabSchedule schedule = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
                    ?? throw new NotSupportedException(
                        $"Function {function.Name}: schedule '{expression}' is not a six-field NCRONTAB expression (seconds first).");
                timers.Add(new TimerFunction(function.Name, expression, schedule, trigger.RunOnStartup, CreateTimerInvoker(function, method)));
            }
        }
        return new LocalFunctionApp(http, timers, queues);
    }

    private static BindingMetadata ValidateBindings(FunctionMetadata function)
    {
        BindingMetadata? trigger = null;
        foreach (BindingMetadata binding in function.Bindings)
        {
            bool supported = binding.Type.ToUpperInvariant() switch
            {
                "HTTPTRIGGER" or "TIMERTRIGGER" or "QUEUETRIGGER" => binding.Direction.Equals("In", StringComparison.OrdinalIgnoreCase) && trigger is null,
                // The HTTP response as the function's return value; a named http output (a property of a returned
                // object) is not supported.
                "HTTP" => binding.Name == "$return" && binding.Direction.Equals("Out", StringComparison.OrdinalIgnoreCase),
                _ => false,
            };
            if (!supported)
            {
                throw new NotSupportedException(
                    $"Function {function.Name} has a '{binding.Type}' binding ({binding.Direction} '{binding.Name}') that this local host "
                    + "does not serve. It serves httpTrigger with an http $return, timerTrigger and queueTrigger; run this function under the Functions host.");
            }
            if (binding.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            {
                trigger = binding;
            }
        }
        return trigger ?? throw new NotSupportedException($"Function {function.Name} has no trigger.");
    }

    private static MethodInfo ResolveEntryPoint(FunctionMetadata function)
    {
        int dot = function.EntryPoint.LastIndexOf('.');
        if (dot <= 0)
        {
            throw new NotSupportedException($"Function {function.Name}: entry point '{function.EntryPoint}' is not Type.Method.");
        }
        Assembly assembly = Assembly.Load(new AssemblyName(Path.GetFileNameWithoutExtension(function.ScriptFile)));
        Type type = assembly.GetType(function.EntryPoint[..dot], throwOnError: true)!;
        MethodInfo[] candidates = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == function.EntryPoint[(dot + 1)..])
            .ToArray();
        return candidates.Length == 1
            ? candidates[0]
            : throw new NotSupportedException($"Function {function.Name}: expected one public method for '{function.EntryPoint}', found {candidates.Length}.");
    }

    private static string ResolveSettings(string text, string functionName, IConfiguration configuration) =>
        SettingReference().Replace(text, match => configuration[match.Groups[1].Value] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Function {functionName}: app setting {match.Groups[1].Value} is not set."));

    private static RequestDelegate CreateHttpHandler(FunctionMetadata function, MethodInfo method, string pattern)
    {
        HashSet<string> routeParameters = RoutePatternFactory.Parse(pattern).Parameters
            .Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Func<HttpContext, object?>[] binders = method.GetParameters().Select(parameter => BindHttpParameter(function, parameter, routeParameters)).ToArray();
        Func<object?, Task<IActionResult?>> awaitResult = ResultAdapter(function, method.ReturnType);
        ObjectFactory? activate = method.IsStatic ? null : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);

        return async context =>
        {
            object? instance = activate?.Invoke(context.RequestServices, null);
            IActionResult? result;
            try
            {
                var arguments = new object?[binders.Length];
                for (int i = 0; i < binders.Length; i++)
                {
                    arguments[i] = binders[i](context);
                }
                result = await awaitResult(method.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, arguments, null));
            }
            catch (Exception e) when (Problems.ForException(e, context.RequestAborted) is { } problem)
            {
                // The one mapping of a failure to a response, which the worker middleware (UseFineTuneMiddleware)
                // applies under the Functions host: storage unreachable is a 503 problem with Retry-After.
                result = problem;
            }
            finally
            {
                await DisposeAsync(instance);
            }
            if (result is not null)
            {
                await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), EmptyActionDescriptor));
            }
        };
    }

    private static Func<HttpContext, object?> BindHttpParameter(FunctionMetadata function, ParameterInfo parameter, HashSet<string> routeParameters)
    {
        Type type = parameter.ParameterType;
        if (type == typeof(HttpRequest))
        {
            return context => context.Request;
        }
        if (type == typeof(HttpContext))
        {
            return context => context;
        }
        if (type == typeof(CancellationToken))
        {
            return context => context.RequestAborted;
        }
        if (parameter.Name is { } name && routeParameters.Contains(name))
        {
            if (type == typeof(string))
            {
                return context => context.Request.RouteValues[name] as string;
            }
            TypeConverter converter = TypeDescriptor.GetConverter(type);
            if (converter.CanConvertFrom(typeof(string)))
            {
                return context => context.Request.RouteValues[name] is string text
                    ? converter.ConvertFromInvariantString(text)
                    : null;
            }
        }
        throw new NotSupportedException(
            $"Function {function.Name}: parameter '{parameter.Name}' of type {type.Name} cannot be bound by this local host "
            + "(it binds HttpRequest, HttpContext, CancellationToken and route values).");
    }

    private static Func<object?, Task<IActionResult?>> ResultAdapter(FunctionMetadata function, Type returnType)
    {
        if (returnType == typeof(void))
        {
            return _ => Task.FromResult<IActionResult?>(null);
        }
        if (typeof(IActionResult).IsAssignableFrom(returnType))
        {
            return returned => Task.FromResult((IActionResult?)returned);
        }
        if (returnType == typeof(Task))
        {
            return async returned =>
            {
                await (Task)returned!;
                return null;
            };
        }
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>)
            && typeof(IActionResult).IsAssignableFrom(returnType.GetGenericArguments()[0]))
        {
            PropertyInfo resultProperty = returnType.GetProperty(nameof(Task<object>.Result))!;
            return async returned =>
            {
                if (returned is Task<IActionResult> typed)
                {
                    return await typed;
                }
                await (Task)returned!;
                return (IActionResult?)resultProperty.GetValue(returned);
            };
        }
        throw new NotSupportedException(
            $"Function {function.Name} returns {returnType.Name}; this local host serves IActionResult, Task<IActionResult>, Task and void.");
    }

    private static Func<IServiceProvider, TimerInfo, CancellationToken, Task> CreateTimerInvoker(FunctionMetadata function, MethodInfo method)
    {
        Func<TimerInfo, CancellationToken, object?>[] binders = method.GetParameters().Select(parameter =>
            parameter.ParameterType == typeof(TimerInfo) ? (timer, _) => timer
            : parameter.ParameterType == typeof(CancellationToken) ? (Func<TimerInfo, CancellationToken, object?>)((_, token) => token)
            : throw new NotSupportedException(
                $"Function {function.Name}: parameter '{parameter.Name}' of type {parameter.ParameterType.Name} cannot be bound by this "
                + "local host (a timer function binds TimerInfo and CancellationToken).")).ToArray();
        if (method.ReturnType != typeof(void) && !typeof(Task).IsAssignableFrom(method.ReturnType))
        {
            throw new NotSupportedException($"Function {function.Name} returns {method.ReturnType.Name}; a timer function returns Task or void.");
        }
        ObjectFactory? activate = method.IsStatic ? null : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);

        return async (services, timer, cancellationToken) =>
        {
            object? instance = activate?.Invoke(services, null);
            try
            {
                object?[] arguments = binders.Select(bind => bind(timer, cancellationToken)).ToArray();
                if (method.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, arguments, null) is Task task)
                {
                    await task;
                }
            }
            finally
            {
                await DisposeAsync(instance);
            }
        };
    }

    private static Func<IServiceProvider, QueueMessage, CancellationToken, Task> CreateQueueInvoker(
        FunctionMetadata function, MethodInfo method, string triggerName)
    {
        Func<QueueMessage, CancellationToken, object?>[] binders = method.GetParameters()
            .Select(parameter => BindQueueParameter(function, parameter, triggerName)).ToArray();
        if (method.ReturnType != typeof(void) && method.ReturnType != typeof(Task))
        {
            throw new NotSupportedException(
                $"Function {function.Name} returns {method.ReturnType.Name}; a queue function served here returns Task or void (no output binding).");
        }
        ObjectFactory? activate = method.IsStatic ? null : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);

        return async (services, message, cancellationToken) =>
        {
            object? instance = activate?.Invoke(services, null);
            try
            {
                object?[] arguments = binders.Select(bind => bind(message, cancellationToken)).ToArray();
                if (method.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, arguments, null) is Task task)
                {
                    await task;
                }
            }
            finally
            {
                await DisposeAsync(instance);
            }
        };
    }

    // The types the isolated worker binds a queue message to (the trigger's parameter, named as its binding): the
    // message itself, its text or bytes, or a class read from its JSON text.
    private static Func<QueueMessage, CancellationToken, object?> BindQueueParameter(
        FunctionMetadata function, ParameterInfo parameter, string triggerName)
    {
        Type type = parameter.ParameterType;
        if (type == typeof(CancellationToken))
        {
            return (_, token) => token;
        }
        if (parameter.Name == triggerName)
        {
            Func<QueueMessage, CancellationToken, object?>? bind =
                type == typeof(QueueMessage) ? (message, _) => message
                : type == typeof(string) ? (message, _) => message.Body.ToString()
                : type == typeof(BinaryData) ? (message, _) => message.Body
                : type == typeof(byte[]) ? (message, _) => message.Body.ToArray()
                : type.IsClass && type != typeof(object) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
                    ? (message, _) => JsonSerializer.Deserialize(message.Body.ToString(), type, MessageJson)
                : null;
            if (bind is not null)
            {
                return bind;
            }
        }
        throw new NotSupportedException(
            $"Function {function.Name}: parameter '{parameter.Name}' of type {type.Name} cannot be bound by this local host "
            + "(a queue function binds its message as QueueMessage, string, BinaryData, byte[] or a class read from JSON, and CancellationToken).");
    }

    private static async ValueTask DisposeAsync(object? instance)
    {
        if (instance is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else if (instance is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    [GeneratedRegex("%([^%]+)%", RegexOptions.CultureInvariant)]
    private static partial Regex SettingReference();
}
