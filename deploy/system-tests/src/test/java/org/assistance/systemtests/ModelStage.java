package org.assistance.systemtests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.assistance.systemtests.PlatformModel.ExportRule;
import org.assistance.systemtests.PlatformModel.Item;
import org.assistance.systemtests.PlatformModel.Programme;

/**
 * What an admin sets up through the APIs before the model's users start: three donors giving
 * uneven contributions in two currencies to two programmes (one kept in USD, one in EUR), three
 * catalogue items (one dual-use surveillance item), two warehouses with a little stock, and export
 * rules holding surveillance items for Mozambique (licence) and dual-use items for Peru (prohibited).
 * Everything is named for the model alone, beside what other tests on the same platform use.
 */
final class ModelStage {
    static final String USD_PROGRAMME = "MODELUSD";
    static final String EUR_PROGRAMME = "MODELEUR";

    private ModelStage() {}

    static PlatformModel setUp(ModelApi api) throws Exception {
        PlatformModel model = new PlatformModel();
        String admin = api.admin;
        String programs = api.programs;
        // items first: they travel on the catalogue topic to request- and program-service meanwhile
        item(api, model, new Item("MDL-FOR-1", "Model forensic kit", "FORENSIC_IT", false, new BigDecimal("1200.00")));
        item(api, model, new Item("MDL-CAM-2", "Model covert camera", "SURVEILLANCE", true, new BigDecimal("900.00")));
        item(api, model, new Item("MDL-RAD-3", "Model radio set", "COMMUNICATIONS", false, new BigDecimal("350.00")));

        for (String[] donor : new String[][] {
            {"model-donor-a", "Model donor A", "XM-MODEL-A", "GOVERNMENT"},
            {"model-donor-b", "Model donor B", "XM-MODEL-B", "MULTILATERAL"},
            {"model-donor-c", "Model donor C", "XM-MODEL-C", "FOUNDATION"}
        }) {
            api.ok(
                    "POST",
                    programs + "/donors",
                    admin,
                    Map.of("id", donor[0], "name", donor[1], "iatiIdentifier", donor[2], "type", donor[3]));
        }
        programme(api, model, new Programme(USD_PROGRAMME, "USD", Set.of("CYBERCRIME", "MONEY_LAUNDERING")));
        programme(api, model, new Programme(EUR_PROGRAMME, "EUR", Set.of("CYBERCRIME", "CORRUPTION")));
        contribution(api, model, USD_PROGRAMME, "model-donor-a", "310000.00", "USD", null);
        contribution(api, model, USD_PROGRAMME, "model-donor-b", "120000.00", "EUR", "1.0832");
        contribution(api, model, USD_PROGRAMME, "model-donor-c", "45000.50", "USD", null);
        contribution(api, model, EUR_PROGRAMME, "model-donor-b", "205000.00", "EUR", null);
        contribution(api, model, EUR_PROGRAMME, "model-donor-c", "60000.00", "USD", "0.9231");
        contribution(api, model, EUR_PROGRAMME, "model-donor-a", "15333.33", "EUR", null);
        pledge(api, model, USD_PROGRAMME, "model-donor-c", "250000.00", "USD", null);
        pledge(api, model, EUR_PROGRAMME, "model-donor-a", "80000.00", "USD", "0.9231");

        for (String[] warehouse :
                new String[][] {{"MDL-1", "Model store Vienna", "AT"}, {"MDL-2", "Model store Rotterdam", "NL"}}) {
            api.ok(
                    "POST",
                    api.equipment + "/warehouses",
                    admin,
                    Map.of("code", warehouse[0], "name", warehouse[1], "country", warehouse[2]));
            model.warehouses.add(warehouse[0]);
        }
        stock(api, model, "MDL-1", "MDL-FOR-1", 12);
        stock(api, model, "MDL-2", "MDL-FOR-1", 6);
        stock(api, model, "MDL-1", "MDL-CAM-2", 8);
        // MDL-RAD-3 starts with no stock: every approval of it waits in a backorder

        rule(api, model, "MZ", "SURVEILLANCE", "LICENCE_REQUIRED");
        rule(api, model, "PE", "DUAL_USE", "PROHIBITED");
        return model;
    }

    private static void item(ModelApi api, PlatformModel model, Item item) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", item.code());
        body.put("name", item.name());
        body.put("category", item.category());
        body.put("unitCost", Map.of("amount", item.unitCost().toPlainString(), "currency", "USD"));
        body.put("dualUse", item.dualUse());
        if (item.dualUse()) {
            body.put("exportControlClass", "5A001");
        }
        api.ok("POST", api.equipment + "/catalogue", api.admin, body);
        model.items.put(item.code(), item);
    }

    private static void programme(ModelApi api, PlatformModel model, Programme programme) throws Exception {
        api.ok(
                "POST",
                api.programs + "/programmes",
                api.admin,
                Map.of(
                        "code",
                        programme.code,
                        "name",
                        "Model programme " + programme.currency,
                        "thematicAreas",
                        programme.thematicAreas,
                        "currency",
                        programme.currency,
                        "iatiActivityPrefix",
                        "XM-MODEL-" + programme.code));
        model.programmes.put(programme.code, programme);
    }

    static final java.util.List<String> DONORS = java.util.List.of("model-donor-a", "model-donor-b", "model-donor-c");

    static void contribution(
            ModelApi api,
            PlatformModel model,
            String programme,
            String donor,
            String amount,
            String currency,
            String exchangeRate)
            throws Exception {
        funding(api, programme, "contributions", donor, amount, currency, exchangeRate);
        model.programmes
                .get(programme)
                .receive(new BigDecimal(amount), exchangeRate == null ? null : new BigDecimal(exchangeRate));
    }

    static void pledge(
            ModelApi api,
            PlatformModel model,
            String programme,
            String donor,
            String amount,
            String currency,
            String exchangeRate)
            throws Exception {
        funding(api, programme, "pledges", donor, amount, currency, exchangeRate);
        model.programmes
                .get(programme)
                .pledge(donor, new BigDecimal(amount), exchangeRate == null ? null : new BigDecimal(exchangeRate));
    }

    private static void funding(
            ModelApi api,
            String programme,
            String kind,
            String donor,
            String amount,
            String currency,
            String exchangeRate)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("donorId", donor);
        body.put("amount", Map.of("amount", amount, "currency", currency));
        if (exchangeRate != null) {
            body.put("exchangeRate", new BigDecimal(exchangeRate));
        }
        body.put("date", LocalDate.now().toString());
        api.ok("POST", api.programs + "/programmes/" + programme + "/" + kind, api.admin, body);
    }

    private static void stock(ModelApi api, PlatformModel model, String warehouse, String item, int quantity)
            throws Exception {
        api.ok(
                "POST",
                api.equipment + "/warehouses/" + warehouse + "/stock",
                api.admin,
                Map.of("itemCode", item, "quantity", quantity));
        model.items.get(item).received()[0] += quantity;
    }

    /** Every legal basis a rule may rest on, taken in turn so a run sees each. */
    static final java.util.List<String> BASES =
            java.util.List.of("UN_SECURITY_COUNCIL", "UNILATERAL_MEASURE", "NATIONAL_EXPORT_CONTROL", "OTHER");

    static ExportRule rule(ModelApi api, PlatformModel model, String country, String target, String measure)
            throws Exception {
        com.fasterxml.jackson.databind.JsonNode created = api.ok(
                "POST",
                api.equipment + "/export-rules",
                api.admin,
                Map.of(
                        "destination",
                        country,
                        "target",
                        target,
                        "measure",
                        measure,
                        "reference",
                        "Model rule " + (model.rules.size() + 1),
                        "reason",
                        "Model test: " + measure.toLowerCase().replace('_', ' '),
                        "basis",
                        BASES.get(model.rules.size() % BASES.size()),
                        "imposedBy",
                        "Model authority " + (model.rules.size() + 1),
                        "instrument",
                        "Model instrument " + (model.rules.size() + 1)));
        ExportRule rule =
                new ExportRule(java.util.UUID.fromString(created.path("id").asText()), country, target, measure);
        model.rules.add(rule);
        return rule;
    }
}
