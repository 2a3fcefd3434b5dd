package org.assistance.chassis.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.texts.Text;

/**
 * Lists answered a page at a time: a JSON array of at most {@link #MAX} items (the default too,
 * so a client that reads one array sees what it always saw while the list is that short), and a
 * {@code Link: <...>; rel="next"} header (RFC 8288) while more follow, whose URL carries the
 * opaque cursor of the last item given.
 */
public final class Pages {
    /** The largest page, and the default. */
    public static final int MAX = 1000;

    public static final String DEFAULT = "1000";
    public static final String LIMIT_DESCRIPTION = "at most this many items (1-1000); a Link header with rel=\"next\" "
            + "names the next page while more follow";
    public static final String CURSOR_DESCRIPTION =
            "where the page starts: taken from the Link header of the page before";
    public static final String LINK_DESCRIPTION = "`<url>; rel=\"next\"` (RFC 8288) while more items follow";

    private Pages() {}

    /**
     * The answer for {@code found}, fetched with one row more than {@code limit} so that the
     * next page's existence is known without counting.
     */
    public static <T, V> Response of(
            List<T> found, int limit, Function<T, V> view, Function<T, Object[]> key, UriInfo uri) {
        List<T> page = found.size() > limit ? found.subList(0, limit) : found;
        Response.ResponseBuilder answer = Response.ok(page.stream().map(view).toList());
        if (found.size() > limit) {
            String cursor = Cursor.encode(key.apply(page.get(page.size() - 1)));
            answer.header(
                    "Link",
                    "<"
                            + uri.getRequestUriBuilder()
                                    .replaceQueryParam("cursor", cursor)
                                    .build() + ">; rel=\"next\"");
        }
        return answer.build();
    }

    /** The key parts of a cursor this API gave out, each read by its parser; anything else is a 400 naming the cursor. */
    public static <T> T read(String cursor, int parts, Function<String[], T> parse) {
        String[] decoded = Cursor.decode(cursor, parts);
        try {
            return parse.apply(decoded);
        } catch (RuntimeException e) {
            throw InvalidInput.field("cursor", Text.of("cursor.unknown"));
        }
    }
}
