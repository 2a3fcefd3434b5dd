package org.assistance.equipmentservice.stock;

/**
 * Goods arrived in a warehouse (fired synchronously, inside the transaction that counted them,
 * while that warehouse's stock row of the item is locked): waiting backorders may take them.
 */
public record StockReceived(String warehouse, String itemCode, int quantity) {}
