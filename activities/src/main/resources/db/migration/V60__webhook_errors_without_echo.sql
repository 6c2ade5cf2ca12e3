-- Failed attempts used to store the HTTP client's exception text, which quotes the first bytes a
-- non-HTTP server answered (a database's or Temporal's port). Deliveries now store a reason of
-- Avance's own; the old texts go.
update webhook_deliveries
set last_error = 'failed (detail removed)'
where last_error like 'java.%' or last_error like 'jdk.%' or last_error like 'org.%';
