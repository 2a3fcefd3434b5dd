package org.assistance.chassis.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assistance.chassis.documents.DocumentTypes;
import org.assistance.chassis.documents.Documents;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every operation of every service shares, written into each service's OpenAPI document
 * once here rather than on each resource: the answers the chassis gives around the resource
 * (401, 403, 429, 500 and, where there is input, 400, 413, 415), the rate-limit and CORS headers
 * on them, the bearer scheme as it is verified, admin operations' own security requirement, and
 * the length of strings whose format already bounds them (UUIDs, dates, timestamps).
 */
public class ContractFilter implements OASFilter {
    static final String PROBLEM = "application/problem+json";
    static final String SCHEME = "bearer";
    /** Admin operations name the role they need, so they never share a requirement with the rest. */
    static final String ADMIN_ROLE = "admin";

    /** The longest text each string format can take (ISO 8601 with nanoseconds and an offset). */
    private static final Map<String, Integer> FORMAT_LENGTH = Map.of(
            "uuid",
            36,
            "date",
            10,
            "date-time",
            35,
            "time",
            18,
            "duration",
            64,
            "uri",
            2048,
            "email",
            254,
            "binary",
            0,
            "byte",
            0);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components =
                openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        describeBearer(components);
        declareHeaders(components);
        declareLanguage(components);
        declareResponses(components);
        openAPI.setServers(List.of(OASFactory.createServer()
                .url("/")
                .description(
                        "This deployment, whichever it is (local, staging or production): "
                                + "the API is served from the origin that serves this document, over HTTPS outside a developer's machine")
                .addExtension("x-internal", false)));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach(this::completeOperations);
        }
        Bounds bounds = new Bounds();
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(bounds::visit);
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                for (Operation operation : item.getOperations().values()) {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(p -> bounds.visit(p.getSchema()));
                    }
                    if (operation.getRequestBody() != null) {
                        bounds.visit(operation.getRequestBody().getContent());
                    }
                    if (operation.getResponses() != null
                            && operation.getResponses().getAPIResponses() != null) {
                        operation.getResponses().getAPIResponses().values().forEach(r -> {
                            bounds.visit(r.getContent());
                            if (r.getHeaders() != null) {
                                r.getHeaders().values().forEach(h -> bounds.visit(h.getSchema()));
                            }
                        });
                    }
                }
            }
        }
    }

    private static void describeBearer(Components components) {
        SecurityScheme bearer = components.getSecuritySchemes() == null
                ? null
                : components.getSecuritySchemes().get(SCHEME);
        if (bearer == null) {
            bearer = OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer");
            components.addSecurityScheme(SCHEME, bearer);
        }
        bearer.bearerFormat("JWT").description("""
                A JWT (RFC 7519) from the platform's identity provider, handled as RFC8725 (JWT Best \
                Current Practices) advises: RS256 signatures only, keys chosen by `kid` from the provider's \
                JWKS, issuer and audience checked, expiry and a maximum token age enforced. Roles come from \
                the `groups` claim; a partner agency's token carries `agency`, a donor's `donor`.""");
    }

    private static void declareHeaders(Components components) {
        components.addHeader(
                "RateLimit",
                header(
                        "The caller's remaining budget under its policy (IETF RateLimit header fields): "
                                + "`\"partner\";r=42;t=1` means 42 requests left, the budget fully restored in 1 s.",
                        stringOf(200)));
        components.addHeader(
                "RateLimit-Policy",
                header(
                        "The caller's policy: `\"partner\";q=100;w=5` means bursts of up to 100 requests, "
                                + "refilled over 5 seconds (20 a second).",
                        stringOf(200)));
        components.addHeader(
                "Retry-After",
                header(
                        "Seconds to wait before the next request has a chance to be served.",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .minimum(BigDecimal.ZERO)
                                .maximum(BigDecimal.valueOf(86_400))));
        components.addHeader(
                "Access-Control-Allow-Origin",
                header(
                        "Sent only to browsers calling from an origin the deployment allows (`quarkus.http.cors.origins`); "
                                + "absent otherwise, so other sites' pages cannot read the answer.",
                        stringOf(2048)));
    }

    /**
     * Every answer's words (problem titles and details, names, timeline summaries) come in the
     * language the caller accepts among the six UN languages; the answer names it.
     */
    private static void declareLanguage(Components components) {
        components.addParameter(
                ACCEPT_LANGUAGE,
                OASFactory.createParameter()
                        .name("Accept-Language")
                        .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER)
                        .required(false)
                        .description(
                                "The languages the caller reads, with weights (RFC 9110): the answer's texts come in the "
                                        + "first of Arabic (ar), Chinese (zh), English (en), French (fr), Russian (ru) and Spanish "
                                        + "(es) it accepts; English when it accepts none of them or sends none")
                        .example("fr-FR, fr;q=0.9, en;q=0.5")
                        .schema(stringOf(500)));
        components.addHeader(
                "Content-Language",
                header(
                        "The language of the answer's texts: ar, en, es, fr, ru or zh (`Vary: Accept-Language`).",
                        stringOf(8).example("fr")));
    }

    static final String ACCEPT_LANGUAGE = "AcceptLanguage";

    private static void declareResponses(Components components) {
        components.addResponse(
                "BadRequest", problem("Invalid input: the problem names each invalid field or parameter"));
        components.addResponse(
                "Unauthorized",
                problem(
                        "No token, or a token that is invalid, expired, too old, for another audience or signed with an unknown key"));
        components.addResponse("Forbidden", problem("The caller's role or tenant does not allow this"));
        components.addResponse("PayloadTooLarge", problem("The body is larger than the service accepts"));
        components.addResponse(
                "UnsupportedMediaType", problem("The body is not in a media type the operation accepts"));
        components.addResponse(
                "TooManyRequests",
                problem("The caller's rate limit is spent; retry after the time given")
                        .addHeader("Retry-After", ref("Retry-After")));
        components.addResponse(
                "InternalError", problem("An unexpected failure; the problem carries an error id to quote"));
    }

    private void completeOperations(String path, PathItem item) {
        for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                item.getOperations().entrySet()) {
            Operation operation = entry.getValue();
            boolean secured =
                    operation.getSecurity() != null && !operation.getSecurity().isEmpty();
            if (secured && isAdmin(path)) {
                operation.setSecurity(
                        List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME, ADMIN_ROLE)));
            }
            APIResponses responses =
                    operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
            operation.setResponses(responses);
            describeDocumentContent(path, entry.getKey(), operation);
            boolean hasInput = operation.getRequestBody() != null
                    || (operation.getParameters() != null
                            && !operation.getParameters().isEmpty())
                    || (item.getParameters() != null && !item.getParameters().isEmpty());
            if (hasInput) {
                addIfAbsent(responses, "400", "BadRequest");
            }
            if (secured) {
                addIfAbsent(responses, "401", "Unauthorized");
                addIfAbsent(responses, "403", "Forbidden");
            }
            if (operation.getRequestBody() != null) {
                addIfAbsent(responses, "413", "PayloadTooLarge");
                addIfAbsent(responses, "415", "UnsupportedMediaType");
            }
            addIfAbsent(responses, "429", "TooManyRequests");
            addIfAbsent(responses, "500", "InternalError");
            if (path.startsWith("/api/") && !namesAcceptLanguage(operation)) {
                operation.addParameter(OASFactory.createParameter().ref(ACCEPT_LANGUAGE));
            }
            if (responses.getAPIResponses() != null) {
                responses.getAPIResponses().forEach((code, response) -> {
                    if (response.getRef() == null) {
                        if (response.getDescription() == null
                                || response.getDescription().isBlank()) {
                            response.setDescription(defaultDescription(code));
                        }
                        if (code.startsWith("4") && response.getHeaders() != null
                                ? !response.getHeaders().containsKey("Content-Language")
                                : code.startsWith("4")) {
                            response.addHeader("Content-Language", ref("Content-Language"));
                        }
                        if (code.startsWith("2") || code.startsWith("4")) {
                            addRateLimitHeaders(response);
                        } else if (response.getHeaders() != null
                                && !response.getHeaders().isEmpty()) {
                            // whichever headers an answer declares, a browser's reading of it is governed by CORS
                            response.addHeader("Access-Control-Allow-Origin", ref("Access-Control-Allow-Origin"));
                        }
                    }
                });
            }
        }
    }

    /**
     * A document's upload and download carry the file itself, in any accepted type: described here
     * once for every service's document operations rather than in each resource's annotations.
     */
    private static void describeDocumentContent(String path, PathItem.HttpMethod method, Operation operation) {
        if (method == PathItem.HttpMethod.POST && path.endsWith("/documents") && operation.getRequestBody() != null) {
            Content content = documentContent();
            content.addMediaType("application/octet-stream", binaryDocument());
            operation.getRequestBody().setContent(content);
        } else if (method == PathItem.HttpMethod.GET
                && path.endsWith("/documents/{documentId}")
                && operation.getResponses().getAPIResponse("200") != null) {
            operation.getResponses().getAPIResponse("200").setContent(documentContent());
        }
    }

    private static Content documentContent() {
        Content content = OASFactory.createContent();
        for (String mediaType : List.of(
                DocumentTypes.PDF,
                DocumentTypes.PNG,
                DocumentTypes.JPEG,
                DocumentTypes.DOCX,
                DocumentTypes.XLSX,
                DocumentTypes.ODT)) {
            content.addMediaType(mediaType, binaryDocument());
        }
        return content;
    }

    private static MediaType binaryDocument() {
        return OASFactory.createMediaType()
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .format("binary")
                        .maxLength(Documents.DEFAULT_MAX_BYTES));
    }

    private static boolean isAdmin(String path) {
        return path.contains("/admin");
    }

    private static boolean namesAcceptLanguage(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> ACCEPT_LANGUAGE.equals(p.getRef())
                                || p.getRef() != null && p.getRef().endsWith("/" + ACCEPT_LANGUAGE)
                                || "accept-language".equalsIgnoreCase(p.getName()));
    }

    private static void addIfAbsent(APIResponses responses, String code, String component) {
        if (responses.getAPIResponse(code) == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(component));
        }
    }

    private static APIResponse problem(String description) {
        APIResponse response = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                PROBLEM,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("Problem"))));
        response.addHeader("Content-Language", ref("Content-Language"));
        addRateLimitHeaders(response);
        return response;
    }

    private static void addRateLimitHeaders(APIResponse response) {
        for (String name : List.of("RateLimit", "RateLimit-Policy", "Access-Control-Allow-Origin")) {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                response.addHeader(name, ref(name));
            }
        }
    }

    private static Header ref(String name) {
        return OASFactory.createHeader().ref(name);
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

    private static Schema stringOf(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
    }

    private static String defaultDescription(String code) {
        return switch (code) {
            case "200" -> "OK";
            case "201" -> "Created";
            case "202" -> "Accepted";
            case "204" -> "Done, nothing to return";
            case "304" -> "Not modified since the version the client holds";
            default -> "Answer " + code;
        };
    }

    /** Gives strings whose format fixes their length that length, wherever they appear. */
    private static final class Bounds {
        private final Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        void visit(Content content) {
            if (content != null && content.getMediaTypes() != null) {
                for (MediaType media : content.getMediaTypes().values()) {
                    visit(media.getSchema());
                }
            }
        }

        void visit(Schema schema) {
            if (schema == null || !seen.add(schema)) {
                return;
            }
            List<Schema.SchemaType> types = schema.getType();
            if (types != null
                    && types.contains(Schema.SchemaType.STRING)
                    && schema.getMaxLength() == null
                    && schema.getEnumeration() == null
                    && schema.getFormat() != null) {
                Integer length = FORMAT_LENGTH.get(schema.getFormat());
                if (length != null && length > 0) {
                    schema.setMaxLength(length);
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(this::visit);
            }
            visit(schema.getItems());
            if (schema.getAdditionalPropertiesSchema() != null) {
                visit(schema.getAdditionalPropertiesSchema());
            }
            for (List<Schema> group :
                    new ArrayList<>(java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()))) {
                if (group != null) {
                    group.forEach(this::visit);
                }
            }
        }
    }
}
