-- pgbench script for ops/bin/bench's write reference: the three writes of order-service's
-- POST /api/v1/orders (an order, its one line, its OrderPlaced outbox row) in one transaction, with
-- the columns of order-service's changelog (orders, order_lines) and platform's outbox.xml
-- (outbox_events), on a database migrated with order-service's own changelog. The payload and
-- headers are shaped and sized like the real OrderPlaced row.
--
-- The real request does more in its transaction: the product-replica read, the Idempotency-Key
-- claim (an insert that carries the stored response; a delete first only when an expired claim
-- holds the key) and a NOTIFY for the outbox relay. Those are the service's own design, so they
-- count against it in the ratio.
--
--   pgbench -h 127.0.0.1 -U postgres -n -f ops/bench/pgbench/order-txn.sql -c 32 -j 2 -T 30 DB
-- pgbench substitutes :order_id everywhere, inside quotes too; ":" followed by anything else in
-- the JSON below is not a variable pgbench knows, so it is left alone.
BEGIN;
INSERT INTO orders (id, user_id, status, status_reason, total_minor, currency, version,
                    created_at, updated_at)
VALUES (gen_random_uuid(), '0b8f1e2d-3c4a-4b5c-9d6e-7f8091a2b3c4', 'PENDING', NULL, 1299, 'EUR', 0,
        now(), now())
RETURNING id AS order_id \gset
INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price_minor)
VALUES (':order_id', 0, 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 1, 1299);
INSERT INTO outbox_events (event_id, topic, message_key, event_type, payload, headers, created_at)
VALUES (gen_random_uuid(), 'orders.v1', ':order_id', 'OrderPlaced',
        '{"eventId":"1d3c5e7a-2b4d-4f6a-8c1e-3a5b7c9d0e1f","type":"OrderPlaced","version":1,"occurredAt":"2026-11-28T12:00:00.250Z","aggregateId":":order_id","data":{"orderId":":order_id","userId":"0b8f1e2d-3c4a-4b5c-9d6e-7f8091a2b3c4","lines":[{"productId":"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d","quantity":1,"unitPriceMinor":1299}],"totalMinor":1299,"currency":"EUR"}}',
        '{"eventId":"1d3c5e7a-2b4d-4f6a-8c1e-3a5b7c9d0e1f","traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}',
        now());
COMMIT;
