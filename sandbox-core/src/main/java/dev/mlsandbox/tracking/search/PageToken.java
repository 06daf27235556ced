package dev.mlsandbox.tracking.search;

import dev.mlsandbox.http.MlflowException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page tokens: base64 of an offset and a fingerprint of the query, so a token used with a
 * different filter or order is refused rather than silently returning the wrong page.
 */
public final class PageToken {
    private PageToken() {}

    public static String encode(long offset, String queryFingerprint) {
        String raw = "{\"offset\":" + offset + ",\"q\":" + queryFingerprint.hashCode() + "}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a token stands for; 0 for no token. */
    public static long decode(String token, String queryFingerprint) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            var m = java.util.regex.Pattern.compile("^\\{\"offset\":(\\d+),\"q\":(-?\\d+)}$").matcher(raw);
            if (!m.matches()) {
                throw new IllegalArgumentException("shape");
            }
            if (Integer.parseInt(m.group(2)) != queryFingerprint.hashCode()) {
                throw MlflowException.invalid("Invalid page token: it belongs to a search with a different filter, order or "
                        + "experiments; repeat the same search with it, or start again without a page_token");
            }
            return Long.parseLong(m.group(1));
        } catch (IllegalArgumentException e) {
            throw MlflowException.invalid("Invalid page token '" + token + "': pass back the next_page_token of the previous "
                    + "response unchanged");
        }
    }
}
