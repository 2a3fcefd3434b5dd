package org.assistance.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Walks every operation of a running service's own OpenAPI document with values generated from
 * its schemas: values just past each bound (one character over maxLength, one over maximum, one
 * item over maxItems), values of the wrong type or format, control characters, unknown enum
 * constants, bodies that are not JSON, too large or of another media type. Every answer must be
 * below 500, every invalid value must be refused (4xx) and, across all invalid calls, no table
 * of the service may gain or lose a row. Values just at each bound are sent afterwards and must
 * not answer 5xx either. The generator is seeded: the seed is printed and {@code -Dwalk.seed}
 * replays a run.
 */
public final class ContractWalk {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Tables that change without any API call writing: rate-limit budgets, consumers' memory. */
    private static final Set<String> NOT_WRITTEN_BY_CALLS = Set.of("flyway_schema_history", "processed_events");

    private final URI root;
    private final DataSource dataSource;
    private final Map<String, String> tokens;
    private final Random random;
    private final long seed;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private JsonNode document;
    private final List<String> findings = new ArrayList<>();
    private int calls;
    private boolean plausiblyAccepted;

    private ContractWalk(URI root, DataSource dataSource, Map<String, String> tokens, long seed) {
        this.root = root;
        this.dataSource = dataSource;
        this.tokens = tokens;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** A walk of the service at {@code root} (e.g. http://localhost:8081/), whose database is {@code dataSource}. */
    public static ContractWalk of(URI root, DataSource dataSource) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("partner", Tokens.partner("agency-walk"));
        tokens.put("donor", Tokens.donor("donor-walk"));
        // a State's focal point: some operations (a request's endorsement) admit no other role
        tokens.put("focal-point", Tokens.focalPoint("KE"));
        for (String role : List.of("reviewer", "logistics", "operations", "admin")) {
            tokens.put(role, Tokens.role(role));
        }
        long seed = Long.getLong("walk.seed", System.nanoTime());
        return new ContractWalk(root, dataSource, tokens, seed);
    }

    /** Runs the walk; returns what broke the rules, empty when none did. */
    public List<String> run() throws Exception {
        System.out.println("[walk] seed=" + seed + " (replay with -Dwalk.seed=" + seed + ")");
        document = JSON.readTree(
                send("GET", "/q/openapi?format=json", null, null, null, null).body());
        List<Operation> operations = operations();
        // who reaches each operation's validation, found with plausible calls that may really
        // write: all made before the rows are counted
        Map<Operation, List<String>> admittedRoles = new LinkedHashMap<>();
        int reachable = 0;
        for (Operation operation : operations) {
            List<String> admitted = admittedRoles(operation);
            if (admitted.isEmpty()) {
                findings.add(operation + ": no role's token is admitted, so nothing of it could be walked");
            }
            if (plausiblyAccepted) {
                reachable++;
            }
            admittedRoles.put(operation, admitted);
        }
        awaitQuiet();
        Map<String, Long> before = rowCounts();
        for (Operation operation : operations) {
            for (String role : admittedRoles.get(operation)) {
                for (Call call : invalidCalls(operation)) {
                    HttpResponse<String> answer = send(
                            operation.method, call.path, call.query, call.contentType, call.body, tokens.get(role));
                    if (answer.statusCode() >= 500 || answer.statusCode() < 400) {
                        findings.add(operation + " as " + role + ": " + call.what + " answered " + answer.statusCode()
                                + " (expected 4xx): " + abbreviate(answer.body()));
                    }
                }
            }
            String anonymousPath = operation.samplePath(this);
            HttpResponse<String> anonymous = send(
                    operation.method,
                    anonymousPath,
                    null,
                    operation.hasBody() ? "application/json" : null,
                    operation.hasBody() ? "{}" : null,
                    null);
            if (operation.secured && anonymous.statusCode() != 401) {
                findings.add(operation + " without a token answered " + anonymous.statusCode() + " (expected 401) at "
                        + anonymousPath + ": " + abbreviate(anonymous.body()));
            }
        }
        Map<String, Long> after = rowCounts();
        if (!before.equals(after)) {
            for (String table : after.keySet()) {
                if (!after.get(table).equals(before.get(table))) {
                    findings.add("invalid calls changed table " + table + ": " + before.get(table) + " -> "
                            + after.get(table) + " rows");
                }
            }
        }
        for (Operation operation : operations) {
            for (String role : admittedRoles.get(operation)) {
                for (Call call : boundaryCalls(operation)) {
                    HttpResponse<String> answer = send(
                            operation.method, call.path, call.query, call.contentType, call.body, tokens.get(role));
                    if (answer.statusCode() >= 500) {
                        findings.add(operation + " as " + role + ": " + call.what + " answered " + answer.statusCode()
                                + ": " + abbreviate(answer.body()));
                    }
                }
            }
        }
        System.out.println("[walk] operations=" + operations.size() + " (of which " + reachable
                + " accept the generated plausible call) calls=" + calls + " findings=" + findings.size());
        findings.forEach(f -> System.out.println("[walk]   " + f));
        return findings;
    }

    // ---- the operations of the document ------------------------------------------------------

    private record Operation(
            String method,
            String path,
            List<JsonNode> parameters,
            JsonNode bodySchema,
            String bodyType,
            boolean secured) {
        boolean hasBody() {
            return bodySchema != null;
        }

        String samplePath(ContractWalk walk) {
            return samplePath(walk, null, null);
        }

        /** The path with plausible values, but {@code value} for the parameter {@code name}. */
        String samplePath(ContractWalk walk, String name, String value) {
            String result = path;
            for (JsonNode parameter : parameters) {
                if ("path".equals(parameter.path("in").asText())) {
                    String parameterName = parameter.path("name").asText();
                    String given = parameterName.equals(name)
                            ? value
                            : walk.plausible(walk.schemaOf(parameter)).asText();
                    result = result.replace("{" + parameterName + "}", walk.encode(given));
                }
            }
            return result;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = methods.next();
                String method = entry.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                JsonNode operation = entry.getValue();
                if (streams(operation)) {
                    continue; // a live stream stays open: nothing to walk
                }
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(p -> parameters.add(resolve(p)));
                operation.path("parameters").forEach(p -> parameters.add(resolve(p)));
                JsonNode body = null;
                String bodyType = null;
                for (Iterator<Map.Entry<String, JsonNode>> media =
                                operation.path("requestBody").path("content").fields();
                        media.hasNext(); ) {
                    Map.Entry<String, JsonNode> m = media.next();
                    if (m.getKey().contains("json")) {
                        bodyType = m.getKey();
                        body = resolve(m.getValue().path("schema"));
                        break;
                    }
                }
                boolean secured =
                        operation.has("security") && !operation.path("security").isEmpty();
                operations.add(new Operation(method, path.getKey(), parameters, body, bodyType, secured));
            }
        }
        return operations;
    }

    private static boolean streams(JsonNode operation) {
        for (Iterator<JsonNode> responses = operation.path("responses").elements(); responses.hasNext(); ) {
            if (responses.next().path("content").has("text/event-stream")) {
                return true;
            }
        }
        return false;
    }

    /** Roles whose token the operation does not turn away with 403 (so their calls reach validation). */
    private List<String> admittedRoles(Operation operation) throws Exception {
        if (!operation.secured) {
            return List.of("partner");
        }
        List<String> admitted = new ArrayList<>();
        plausiblyAccepted = false;
        for (String role : tokens.keySet()) {
            Call call = plausibleCall(operation);
            int status = send(operation.method, call.path, call.query, call.contentType, call.body, tokens.get(role))
                    .statusCode();
            if (status != 403 && status != 401) {
                admitted.add(role);
            }
            if (status >= 500) {
                findings.add(operation + " as " + role + ": the plausible call answered " + status);
            }
            plausiblyAccepted |= status < 300;
        }
        return admitted;
    }

    // ---- calls ---------------------------------------------------------------------------------

    private record Call(String what, String path, String query, String contentType, String body) {}

    private Call plausibleCall(Operation operation) {
        return new Call(
                "plausible",
                operation.samplePath(this),
                null,
                operation.hasBody() ? operation.bodyType : null,
                operation.hasBody() ? plausible(operation.bodySchema).toString() : null);
    }

    private List<Call> invalidCalls(Operation operation) {
        List<Call> calls = new ArrayList<>();
        String body = operation.hasBody() ? plausible(operation.bodySchema).toString() : null;
        String type = operation.hasBody() ? operation.bodyType : null;
        for (JsonNode parameter : operation.parameters) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            for (JsonNode bad : invalidValues(schemaOf(parameter), true)) {
                String value = bad.isTextual() ? bad.asText() : bad.toString();
                if ("path".equals(in)) {
                    if (value.isEmpty() || value.contains("/")) {
                        continue; // another path, not another value
                    }
                    calls.add(new Call(
                            "path " + name + "=" + abbreviate(value),
                            operation.samplePath(this, name, value),
                            null,
                            type,
                            body));
                } else if ("query".equals(in)) {
                    calls.add(new Call(
                            "query " + name + "=" + abbreviate(value),
                            operation.samplePath(this),
                            name + "=" + encode(value),
                            type,
                            body));
                }
            }
        }
        if (operation.hasBody()) {
            String path = operation.samplePath(this);
            JsonNode schema = operation.bodySchema;
            for (Map.Entry<String, JsonNode> property : properties(schema).entrySet()) {
                for (JsonNode bad : invalidValues(property.getValue(), false)) {
                    ObjectNode mutated = (ObjectNode) plausible(schema).deepCopy();
                    mutated.set(property.getKey(), bad);
                    calls.add(new Call(
                            "body " + property.getKey() + "=" + abbreviate(bad.toString()),
                            path,
                            null,
                            type,
                            mutated.toString()));
                }
            }
            if (!properties(schema).isEmpty()) {
                ObjectNode extra = (ObjectNode) plausible(schema).deepCopy();
                extra.put("notAField", "x");
                calls.add(new Call("body with a field the resource does not have", path, null, type, extra.toString()));
            }
            calls.add(new Call("body that is not JSON", path, null, type, "{\"unterminated\": "));
            calls.add(new Call("body of another media type", path, null, "text/plain", "plain words"));
            calls.add(new Call(
                    "body larger than any the service takes",
                    path,
                    null,
                    type,
                    "{\"x\":\"" + "y".repeat(1_100_000) + "\"}"));
            calls.add(new Call("body that is an array", path, null, type, "[]"));
            calls.add(new Call("body that is null", path, null, type, "null"));
        }
        return calls;
    }

    private List<Call> boundaryCalls(Operation operation) {
        List<Call> calls = new ArrayList<>();
        if (operation.hasBody()) {
            calls.add(new Call(
                    "body at every bound",
                    operation.samplePath(this),
                    null,
                    operation.bodyType,
                    atBounds(operation.bodySchema).toString()));
        }
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.parameters) {
            if ("query".equals(parameter.path("in").asText())) {
                JsonNode value = atBounds(schemaOf(parameter));
                if (!query.isEmpty()) {
                    query.append('&');
                }
                query.append(parameter.path("name").asText())
                        .append('=')
                        .append(encode(value.isTextual() ? value.asText() : value.toString()));
            }
        }
        if (!query.isEmpty()) {
            calls.add(new Call("query at every bound", operation.samplePath(this), query.toString(), null, null));
        }
        return calls;
    }

    // ---- values from schemas ------------------------------------------------------------------

    /** Values the schema refuses: past each bound, of another type or format, with a control character. */
    private List<JsonNode> invalidValues(JsonNode schema, boolean asText) {
        schema = resolve(schema);
        List<JsonNode> values = new ArrayList<>();
        String type = typeOf(schema);
        if (schema.has("enum")) {
            values.add(NODES.textNode("NOT_ONE_OF_THEM_" + random.nextInt(1000)));
            return values;
        }
        switch (type) {
            case "string" -> {
                if (schema.has("maxLength")) {
                    values.add(NODES.textNode(text(schema.path("maxLength").asInt() + 1)));
                }
                String format = schema.path("format").asText();
                if (Set.of("uuid", "date", "date-time").contains(format)) {
                    values.add(NODES.textNode(random.nextBoolean() ? "2026-13-45" : "not-a-" + format));
                }
                if (!asText) {
                    values.add(NODES.numberNode(random.nextInt()));
                    values.add(NODES.textNode("control\u0001character"));
                }
            }
            case "integer", "number" -> {
                if (schema.has("maximum")) {
                    values.add(NODES.numberNode(
                            schema.path("maximum").decimalValue().add(java.math.BigDecimal.ONE)));
                }
                if (schema.has("minimum")) {
                    values.add(NODES.numberNode(
                            schema.path("minimum").decimalValue().subtract(java.math.BigDecimal.ONE)));
                }
                values.add(NODES.numberNode(new java.math.BigDecimal("1" + "0".repeat(20 + random.nextInt(300)))));
                values.add(NODES.textNode("a lot"));
            }
            case "array" -> {
                if (schema.has("maxItems")) {
                    ArrayNode tooMany = NODES.arrayNode();
                    for (int i = 0; i <= schema.path("maxItems").asInt(); i++) {
                        tooMany.add(plausible(schema.path("items")));
                    }
                    if (!asText) {
                        values.add(tooMany);
                    }
                }
                if (!asText) {
                    values.add(NODES.textNode("not a list"));
                }
            }
            case "object" -> {
                if (!asText) {
                    values.add(NODES.textNode("not an object"));
                }
            }
            case "boolean" -> values.add(NODES.textNode("perhaps"));
            default -> {}
        }
        return values;
    }

    /** A value the schema accepts, as ordinary as possible. */
    JsonNode plausible(JsonNode schema) {
        return value(schema, false, 0);
    }

    /** A value at every bound the schema states: the longest text, the largest number, the most items. */
    private JsonNode atBounds(JsonNode schema) {
        return value(schema, true, 0);
    }

    private JsonNode value(JsonNode schema, boolean atBounds, int depth) {
        schema = resolve(schema);
        if (schema.has("example") && !atBounds && !schema.path("example").isObject()) {
            return schema.path("example");
        }
        if (schema.has("enum") && !schema.path("enum").isEmpty()) {
            JsonNode values = schema.path("enum");
            return values.get(random.nextInt(values.size()));
        }
        switch (typeOf(schema)) {
            case "string": {
                String format = schema.path("format").asText();
                return switch (format) {
                    case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                    case "date" -> NODES.textNode(LocalDate.now().plusDays(30).toString());
                    case "date-time" -> NODES.textNode(OffsetDateTime.now().toString());
                    default ->
                        NODES.textNode(matching(
                                schema,
                                atBounds && schema.has("maxLength")
                                        ? schema.path("maxLength").asInt()
                                        : Math.max(1, schema.path("minLength").asInt(1))));
                };
            }
            case "integer":
                return NODES.numberNode(
                        atBounds && schema.has("maximum")
                                ? schema.path("maximum").decimalValue().toBigInteger()
                                : schema.has("minimum")
                                        ? schema.path("minimum")
                                                .decimalValue()
                                                .max(java.math.BigDecimal.ONE)
                                                .toBigInteger()
                                        : java.math.BigInteger.ONE);
            case "number":
                return NODES.numberNode(
                        atBounds && schema.has("maximum")
                                ? schema.path("maximum").decimalValue()
                                : java.math.BigDecimal.ONE);
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int items = atBounds && schema.has("maxItems")
                        ? Math.min(schema.path("maxItems").asInt(), 200)
                        : 1;
                if (depth < 4) {
                    for (int i = 0; i < items; i++) {
                        array.add(value(schema.path("items"), atBounds, depth + 1));
                    }
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                if (depth < 5) {
                    properties(schema)
                            .forEach((name, property) -> object.set(name, value(property, atBounds, depth + 1)));
                }
                return object;
            }
        }
    }

    private Map<String, JsonNode> properties(JsonNode schema) {
        schema = resolve(schema);
        Map<String, JsonNode> properties = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields =
                        schema.path("properties").fields();
                fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!resolve(field.getValue()).path("readOnly").asBoolean(false)) {
                properties.put(field.getKey(), field.getValue());
            }
        }
        for (String group : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(group).forEach(part -> properties.putAll(properties(part)));
        }
        return properties;
    }

    private String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        for (String group : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.path(group).size() > 0) {
                return typeOf(resolve(schema.path(group).get(0)));
            }
        }
        return "object";
    }

    JsonNode schemaOf(JsonNode parameter) {
        return resolve(parameter.path("schema"));
    }

    private JsonNode resolve(JsonNode node) {
        int hops = 0;
        while (node != null && node.has("$ref") && hops++ < 20) {
            String[] parts = node.path("$ref").asText().replaceFirst("^#/", "").split("/");
            JsonNode target = document;
            for (String part : parts) {
                target = target.path(part);
            }
            node = target;
        }
        return node == null ? NODES.objectNode() : node;
    }

    /**
     * Text of the given length that the schema's pattern accepts, where it has one: a plausible
     * value is one the operation takes (a path template's own pattern would otherwise route a
     * value it refuses nowhere, 404, whatever the token).
     */
    private String matching(JsonNode schema, int length) {
        if (!schema.hasNonNull("pattern")) {
            return text(length);
        }
        java.util.regex.Pattern pattern =
                java.util.regex.Pattern.compile(schema.path("pattern").asText());
        for (int attempt = 0; attempt < 200; attempt++) {
            String candidate = attempt % 2 == 0 ? alphanumeric(length) : text(length);
            if (pattern.matcher(candidate).find()) {
                return candidate;
            }
        }
        return text(length);
    }

    private String alphanumeric(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Printable text of the given length, with some non-Latin letters (never a control character). */
    private String text(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 éñçاлд中";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    // ---- plumbing ------------------------------------------------------------------------------

    String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> send(
            String method, String path, String query, String contentType, String body, String token) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> answer = sendOnce(method, path, query, contentType, body, token);
            if (answer.statusCode() != 429 || attempt == 5) {
                return answer;
            }
            // throttled: the budget is the limiter's business, not the walk's; wait as told
            Thread.sleep(1000L
                    * Math.min(
                            5,
                            Long.parseLong(
                                    answer.headers().firstValue("Retry-After").orElse("1"))));
        }
    }

    private HttpResponse<String> sendOnce(
            String method, String path, String query, String contentType, String body, String token) throws Exception {
        calls++;
        String base = root.toString().replaceAll("/$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base + path + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null && body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if ("PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method)) {
            request.header("If-Match", "\"0\"");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Long> rowCounts() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (NOT_WRITTEN_BY_CALLS.contains(table) || table.contains("rate_limit") || table.contains("bucket")) {
                    continue;
                }
                try (ResultSet rs = statement.executeQuery("select count(*) from \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Waits until background work (consumers, jobs) has settled, so a change of rows means a call wrote. */
    private void awaitQuiet() throws Exception {
        Map<String, Long> last = rowCounts();
        for (int i = 0; i < 30; i++) {
            Thread.sleep(500);
            Map<String, Long> now = rowCounts();
            if (now.equals(last)) {
                return;
            }
            last = now;
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }
}
