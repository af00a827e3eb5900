using System.Buffers.Text;
using System.Text;

namespace FineTune.Storage;

/// <summary>
/// The text inside this project's continuation tokens, as base64url of its UTF-8: what a store puts in it is its own; a
/// token a client altered or made up fails to decode and is refused, never read as another position.
/// </summary>
internal static class ContinuationText
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>The token that carries <paramref name="text"/>.</summary>
    public static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// The text <paramref name="token"/> carries; false for a token that is empty, longer than <paramref name="maxLength"/>
    /// characters, or not base64url of UTF-8 text.
    /// </summary>
    public static bool TryDecode(string token, int maxLength, out string text)
    {
        text = "";
        if (token.Length is 0 || token.Length > maxLength || !Base64Url.IsValid(token))
        {
            return false;
        }
        byte[] bytes = new byte[Base64Url.GetMaxDecodedLength(token.Length)];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out int written))
        {
            return false;
        }
        try
        {
            text = StrictUtf8.GetString(bytes, 0, written);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
