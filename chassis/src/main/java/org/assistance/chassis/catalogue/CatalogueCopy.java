package org.assistance.chassis.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assistance.chassis.events.CatalogueEvents.ItemPublished;
import org.assistance.chassis.events.CatalogueEvents.ItemWithdrawn;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.texts.Text;
import org.hibernate.Session;

/**
 * A service's local copy of equipment-service's catalogue, kept from the compacted topic
 * {@code assistance.catalogue} (table {@code catalogue_copy}, created by the service's own
 * migration). It lets request-service refuse a submission and program-service an approval that
 * names an item that could never be shipped, at once, instead of a dead letter later. One copy of
 * the rules for every service that keeps one.
 */
@ApplicationScoped
public class CatalogueCopy {
    private final EntityManager entityManager;

    public CatalogueCopy(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** An item that may be asked for and approved now, bounded as equipment-service's catalogue bounds it. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "OfferedItem")
    public record OfferedItem(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(maxLength = 50, example = "FOR-WB-001")
            String itemCode,

            @org.eclipse.microprofile.openapi.annotations.media.Schema(
                    maxLength = 200,
                    example = "Forensic write blocker")
            String name,

            @org.eclipse.microprofile.openapi.annotations.media.Schema(maxLength = 30, example = "FORENSIC_IT")
            String category,

            boolean dualUse) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public void published(ItemPublished item) {
        // a replayed older event never turns a newer state back (events of one item are in order anyway)
        entityManager
                .createNativeQuery("""
                        insert into catalogue_copy (item_code, name, category, dual_use, unit_price, unit_currency,
                                                    withdrawn, withdrawal_reason, changed_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, false, null, ?7)
                        on conflict (item_code) do update set name = excluded.name, category = excluded.category,
                            dual_use = excluded.dual_use, unit_price = excluded.unit_price,
                            unit_currency = excluded.unit_currency, withdrawn = false, withdrawal_reason = null,
                            changed_at = excluded.changed_at
                        where catalogue_copy.changed_at <= excluded.changed_at""")
                .setParameter(1, item.itemCode())
                .setParameter(2, item.name())
                .setParameter(3, item.category())
                .setParameter(4, item.dualUse())
                .setParameter(
                        5, item.unitPrice() == null ? null : item.unitPrice().amount())
                .setParameter(
                        6, item.unitPrice() == null ? null : item.unitPrice().currency())
                .setParameter(7, timeOf(item.publishedAt()))
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(ItemWithdrawn item) {
        entityManager
                .createNativeQuery("""
                        insert into catalogue_copy (item_code, withdrawn, withdrawal_reason, changed_at)
                        values (?1, true, ?2, ?3)
                        on conflict (item_code) do update set withdrawn = true,
                            withdrawal_reason = excluded.withdrawal_reason, changed_at = excluded.changed_at
                        where catalogue_copy.changed_at <= excluded.changed_at""")
                .setParameter(1, item.itemCode())
                .setParameter(2, item.reason())
                .setParameter(3, timeOf(item.withdrawnAt()))
                .executeUpdate();
    }

    /**
     * The lines (field path → item code) naming an item that is not in the catalogue or was
     * withdrawn from it, each as a field error saying which and why; empty when all may be named.
     */
    public List<InvalidInput.Field> unavailable(Map<String, String> itemCodeByField) {
        if (itemCodeByField.isEmpty()) {
            return List.of();
        }
        // every line's item in one query, on the transaction's connection; the copy is written only by the
        // catalogue's consumer, never in the caller's transaction, so the caller's pending rows need not be
        // flushed first. Plain JDBC: under load Hibernate's native-query machinery (parsing, result mapping)
        // was most of this check's CPU, a tenth of a submission's (issue 18)
        String[] codes = itemCodeByField.values().stream().distinct().toArray(String[]::new);
        Map<String, Object[]> rowByCode = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, Object[]> rows = new HashMap<>();
            Array codeArray = connection.createArrayOf("varchar", codes);
            try (PreparedStatement select = connection.prepareStatement(
                    "select item_code, withdrawn, withdrawal_reason, name from catalogue_copy where item_code = any(?)")) {
                select.setArray(1, codeArray);
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        rows.put(
                                found.getString(1),
                                new Object[] {found.getBoolean(2), found.getString(3), found.getString(4)});
                    }
                }
            } finally {
                codeArray.free();
            }
            return rows;
        });
        List<InvalidInput.Field> errors = new ArrayList<>();
        itemCodeByField.forEach((field, code) -> {
            Object[] row = rowByCode.get(code);
            if (row == null || (row[2] == null && !Boolean.TRUE.equals(row[0]))) {
                errors.add(new InvalidInput.Field(field, Text.of("catalogue.item-unknown", "item", code)));
            } else if (Boolean.TRUE.equals(row[0])) {
                String reason = (String) row[1];
                errors.add(new InvalidInput.Field(
                        field,
                        reason == null || reason.isBlank()
                                ? Text.of("catalogue.item-withdrawn", "item", code)
                                : Text.of("catalogue.item-withdrawn-because", "item", code, "reason", reason)));
            }
        });
        return errors;
    }

    /** Every item that may be named now, by item code. */
    public List<OfferedItem> offered() {
        List<OfferedItem> items = new ArrayList<>();
        for (Object result : entityManager.createNativeQuery("""
                select item_code, name, category, dual_use from catalogue_copy
                where not withdrawn and name is not null order by item_code""").getResultList()) {
            Object[] row = (Object[]) result;
            items.add(new OfferedItem((String) row[0], (String) row[1], (String) row[2], Boolean.TRUE.equals(row[3])));
        }
        return items;
    }

    /** The item's name for people, when the copy knows it. */
    public Optional<String> nameOf(String itemCode) {
        List<?> names = entityManager
                .createNativeQuery("select name from catalogue_copy where item_code = ?1")
                .setParameter(1, itemCode)
                .getResultList();
        return names.isEmpty() ? Optional.empty() : Optional.ofNullable((String) names.get(0));
    }

    private static OffsetDateTime timeOf(OffsetDateTime at) {
        return at == null ? OffsetDateTime.now(ZoneOffset.UTC) : at;
    }
}
