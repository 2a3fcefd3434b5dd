-- The catalogue existed before it was published on assistance.catalogue: every item in it (none
-- is withdrawn yet) is published once, as the ItemPublished event the service records for a new
-- item (CatalogueEvents.ItemPublished, JSON as EventCodec writes it; keyed by the item code).
-- The relay sends these rows like any other; Flyway runs this once, whatever the instances.
insert into outbox (event_id, topic, event_key, event_type, source, occurred_at, payload)
select gen_random_uuid(), 'assistance.catalogue', code, 'assistance.catalogue.item-published.v1',
       '/equipment-service', now(),
       json_build_object(
               'itemCode', code,
               'name', name,
               'category', category,
               'dualUse', dual_use,
               'unitPrice', json_build_object('amount', unit_cost, 'currency', currency),
               'publishedAt', now())::text
from catalogue_items
where withdrawn_at is null
order by code;
