package org.assistance.chassis.texts;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * The six official languages of the United Nations, the ones the platform answers in. A caller
 * chooses with {@code Accept-Language} (RFC 9110 12.5.4, weights and all); English is the default
 * and what an unreadable or unmatched header gets.
 */
public final class Languages {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale ARABIC = Locale.forLanguageTag("ar");
    public static final Locale CHINESE = Locale.forLanguageTag("zh");
    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    public static final Locale SPANISH = Locale.forLanguageTag("es");

    /** English first: {@link Locale#lookup} prefers the first of equally weighted matches. */
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, ARABIC, CHINESE, FRENCH, RUSSIAN, SPANISH);

    private Languages() {}

    /** The language to answer in for an {@code Accept-Language} header (null or malformed: English). */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return ENGLISH;
        }
        try {
            // "zh-Hant-TW" -> zh, "fr-CA;q=0.8" -> fr: lookup drops subtags until one matches
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return chosen == null ? ENGLISH : chosen;
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
    }

    /** The language the caller asked for, from the request's headers. */
    public static Locale of(HttpHeaders headers) {
        return headers == null ? ENGLISH : negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** One of the six, by its tag ("fr"); null for any other. */
    public static Locale supported(String tag) {
        if (tag == null) {
            return null;
        }
        for (Locale language : SUPPORTED) {
            if (language.getLanguage().equalsIgnoreCase(tag.trim())) {
                return language;
            }
        }
        return null;
    }

    /**
     * Marks an answer whose words depend on the caller's language: {@code Content-Language} says
     * which, {@code Vary} keeps a cache from handing one language's answer to another's caller.
     */
    public static Response.ResponseBuilder answeredIn(Response.ResponseBuilder answer, Locale language) {
        return answer.header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }

    /** Right-to-left script (Arabic). */
    public static boolean rightToLeft(Locale language) {
        return "ar".equals(language.getLanguage());
    }
}
