package org.assistance.equipmentservice.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.texts.Text;
import org.assistance.equipmentservice.catalogue.CatalogueItem;
import org.assistance.equipmentservice.catalogue.UniqueRows;

/**
 * Stock per warehouse. Reservations take the stock rows' locks, so concurrent plans never
 * reserve more than is on hand (the database's check constraint holds the same rule). What staff
 * do here (a warehouse registered, goods received) is in the audit trail; what the platform does
 * with the stock on its own (reservations, releases, dispatch) is told by the shipments' events.
 */
@ApplicationScoped
public class Stock {
    static final String WAREHOUSE_AUDIT_KIND = "warehouse";
    static final String STOCK_AUDIT_KIND = "stock";

    private final EntityManager entityManager;
    private final Event<StockReceived> received;
    private final AuditTrail audit;

    public Stock(EntityManager entityManager, Event<StockReceived> received, AuditTrail audit) {
        this.entityManager = entityManager;
        this.received = received;
        this.audit = audit;
    }

    /** A quantity of an item taken from one warehouse. */
    public record Allocation(String warehouse, String itemCode, int quantity) {}

    /** Registers a warehouse under a code no other has. */
    @Transactional
    public Warehouse registerWarehouse(String code, String name, String country) {
        if (Warehouse.findById(code) != null) {
            throw DomainRuleViolation.conflict(Text.of("warehouse.exists", "warehouse", code));
        }
        Warehouse warehouse = new Warehouse();
        warehouse.code = code;
        warehouse.name = name;
        warehouse.country = country;
        UniqueRows.insert(warehouse, Text.of("warehouse.exists", "warehouse", code));
        audit.created(WAREHOUSE_AUDIT_KIND, code, new WarehouseDetails(code, name, country));
        return warehouse;
    }

    /**
     * Stock levels by warehouse and item, after {@code afterWarehouse}/{@code afterItem} if
     * given; one more than {@code limit}.
     */
    public List<StockLevel> levels(String afterWarehouse, String afterItem, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (afterWarehouse != null) {
            query.append(" and (key.warehouse > :warehouse or (key.warehouse = :warehouse and key.itemCode > :item))");
            params.put("warehouse", afterWarehouse);
            params.put("item", afterItem);
        }
        return StockLevel.<StockLevel>find(
                        query.append(" order by key.warehouse, key.itemCode").toString(), params)
                .range(0, limit)
                .list();
    }

    /**
     * Counts goods received of an item in the catalogue. The item's row is created if the warehouse never held it, without
     * a race: two first receipts at once both wait for the one row and both are counted.
     */
    @Transactional
    public StockLevel receive(String warehouse, String itemCode, int quantity) {
        if (CatalogueItem.findById(itemCode) == null) {
            throw DomainRuleViolation.unprocessable(Text.of("stock.item-not-in-catalogue", "item", itemCode));
        }
        if (Warehouse.findById(warehouse) == null) {
            throw DomainRuleViolation.notFound(Text.of("warehouse.not-found", "warehouse", warehouse));
        }
        boolean firstOfItHere = entityManager
                        .createNativeQuery("""
                        insert into stock_levels (warehouse, item_code, on_hand, reserved) values (?1, ?2, 0, 0)
                        on conflict (warehouse, item_code) do nothing""")
                        .setParameter(1, warehouse)
                        .setParameter(2, itemCode)
                        .executeUpdate()
                == 1;
        StockLevel level = StockLevel.findById(new StockLevel.Key(warehouse, itemCode), LockModeType.PESSIMISTIC_WRITE);
        // no level before when the warehouse never held the item
        StockLevelView before = firstOfItHere ? null : StockLevelView.of(level);
        if ((long) level.onHand + quantity > StockLevel.MAX_ON_HAND) {
            throw DomainRuleViolation.unprocessable(Text.of(
                    "stock.too-much",
                    "warehouse",
                    warehouse,
                    "onHand",
                    level.onHand,
                    "item",
                    itemCode,
                    "quantity",
                    quantity,
                    "max",
                    StockLevel.MAX_ON_HAND));
        }
        level.onHand += quantity;
        // in this transaction: backorders waiting for the item take what they need first
        received.fire(new StockReceived(warehouse, itemCode, quantity));
        // after: with what the backorders it fulfilled reserved of it
        audit.record(STOCK_AUDIT_KIND, warehouse + "/" + itemCode, "received", before, StockLevelView.of(level));
        return level;
    }

    /** Reserves up to the quantity of an item in one warehouse; returns how many it could. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int reserveAt(String warehouse, String itemCode, int quantity) {
        StockLevel level = StockLevel.findById(new StockLevel.Key(warehouse, itemCode), LockModeType.PESSIMISTIC_WRITE);
        if (level == null) {
            return 0;
        }
        int take = Math.min(quantity, level.free());
        level.reserved += take;
        return take;
    }

    /**
     * Reserves up to the quantity of an item, taking from the warehouses with the most free
     * stock first; returns what it could reserve (possibly less than asked: the rest is a backorder).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Allocation> reserve(String itemCode, int quantity) {
        List<StockLevel> levels = entityManager
                .createQuery("from StockLevel where key.itemCode = :item order by key.warehouse", StockLevel.class)
                .setParameter("item", itemCode)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        List<StockLevel> byFree = new ArrayList<>(levels);
        byFree.sort((a, b) -> b.free() != a.free()
                ? Integer.compare(b.free(), a.free())
                : a.key.warehouse().compareTo(b.key.warehouse()));
        List<Allocation> allocations = new ArrayList<>();
        int left = quantity;
        for (StockLevel level : byFree) {
            if (left == 0) {
                break;
            }
            int take = Math.min(left, level.free());
            if (take > 0) {
                level.reserved += take;
                left -= take;
                allocations.add(new Allocation(level.key.warehouse(), itemCode, take));
            }
        }
        return allocations;
    }

    /**
     * Takes the row locks of every stock level of these items at once, in one order (item, then
     * warehouse), before a change of several lines: two transactions over the same items (a
     * cancellation and a dispatch, two approvals) then never wait on each other in a cycle, which
     * PostgreSQL would end as a deadlock and the caller see as a failure.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockInOrder(java.util.Collection<String> itemCodes) {
        List<String> items = itemCodes.stream()
                .filter(java.util.Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
        if (items.isEmpty()) {
            return;
        }
        entityManager
                .createQuery(
                        "from StockLevel where key.itemCode in :items order by key.itemCode, key.warehouse",
                        StockLevel.class)
                .setParameter("items", items)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** Gives a reservation back (a cancelled shipment, a removed line). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(String warehouse, String itemCode, int quantity) {
        StockLevel level = locked(warehouse, itemCode);
        level.reserved -= quantity;
    }

    /** The reserved quantity leaves the warehouse (dispatch). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consume(String warehouse, String itemCode, int quantity) {
        StockLevel level = locked(warehouse, itemCode);
        level.reserved -= quantity;
        level.onHand -= quantity;
    }

    private static StockLevel locked(String warehouse, String itemCode) {
        StockLevel level = StockLevel.findById(new StockLevel.Key(warehouse, itemCode), LockModeType.PESSIMISTIC_WRITE);
        if (level == null) {
            throw new IllegalStateException("No stock of " + itemCode + " in " + warehouse);
        }
        return level;
    }
}
