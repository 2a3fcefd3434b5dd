-- The serial numbers equipment-service recorded per unit at dispatch (ShipmentDispatched.units), by
-- shipment and item, in the order of the event: what the partner's receipt confirms unit by unit.
-- Dispatches written before serials were recorded leave no rows (their receipts confirm quantities only).
create table dispatched_units (
    shipment_id    uuid        not null,
    serial_number  varchar(64) not null,
    item_code      varchar(50) not null,
    dispatch_order integer     not null,
    primary key (shipment_id, serial_number)
);
-- a shipment's units in dispatch order (the receipt's checks and the partner's view of the shipment)
create index dispatched_units_of_shipment on dispatched_units (shipment_id, dispatch_order);
