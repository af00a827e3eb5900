using PuppeteerSharp;

namespace FineTune.WebApp.Tests;

/// <summary>
/// Headless Chromium from the system's package (Debian's <c>chromium</c>), never a downloaded build, started so that it
/// makes no connection of its own: no updates, no sync, no metrics, no safe-browsing lookups, and no host name
/// resolves except the loopback address the app listens on.
/// </summary>
internal static class Chromium
{
    /// <summary>The variable that names the browser's executable, for a machine where it is elsewhere.</summary>
    public const string PathVariable = "CHROMIUM_PATH";

    // Debian's binary before its /usr/bin launcher script, which adds flags and keys of Google services.
    private static readonly string[] UsualPaths =
    [
        "/usr/lib/chromium/chromium",
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome-stable",
        "/usr/bin/google-chrome",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
    ];

    private static readonly string[] OfflineArguments =
    [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-domain-reliability",
        "--disable-breakpad",
        "--disable-client-side-phishing-detection",
        "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,CertificateTransparencyComponentUpdater",
        "--metrics-recording-only",
        "--no-first-run",
        "--no-pings",
        "--no-default-browser-check",
        // Quoted: the launcher joins the arguments into one command line.
        "--host-resolver-rules=\"MAP * ~NOTFOUND , EXCLUDE 127.0.0.1\"",
        "--disable-gpu",
        "--disable-dev-shm-usage",
    ];

    /// <summary>The browser: <see cref="PathVariable"/>, else the first of the usual places that exists.</summary>
    /// <exception cref="InvalidOperationException">No browser is installed; the message says what to install.</exception>
    public static string ExecutablePath()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{PathVariable} is {configured}, where no file exists.");
        }
        return UsualPaths.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            "The browser tests need Chromium. Install Debian's package (apt-get install -y chromium; ./dev.sh test does it when "
            + $"run as root), or set {PathVariable} to a Chromium or Chrome executable.");
    }

    /// <summary>Starts the browser headless; as root without its sandbox, which Chromium refuses to run under root.</summary>
    public static Task<IBrowser> LaunchAsync()
    {
        List<string> arguments = [.. OfflineArguments];
        if (Environment.UserName == "root")
        {
            arguments.Add("--no-sandbox");
        }
        return Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = ExecutablePath(),
            Headless = true,
            Args = [.. arguments],
            Timeout = 60_000,
        });
    }
}
