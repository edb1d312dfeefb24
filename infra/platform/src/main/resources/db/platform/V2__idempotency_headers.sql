-- A replayed response carries the first response's Location and ETag too.
alter table idempotency_record add column headers text;
